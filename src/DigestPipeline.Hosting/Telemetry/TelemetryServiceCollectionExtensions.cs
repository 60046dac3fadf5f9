using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DigestPipeline.Hosting.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry for the pipeline's spans and metrics (<see cref="PipelineTelemetry.Name"/>), in any host (the
    /// <c>digest</c> command, the Functions app): to the console when <c>Telemetry:Console</c> is true, to
    /// Application Insights (traces, metrics, and logs with their DocumentId/SubscriberId/DeliveryId scopes) when
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, and the same to an OTLP collector when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads its other <c>OTEL_EXPORTER_OTLP_*</c> settings,
    /// protocol and headers, from the configuration too). With none, nothing is registered and the instruments cost
    /// next to nothing. Whatever is exported goes first through <see cref="SubscriberTokenSpanProcessor"/> and
    /// <see cref="SubscriberTokenLogProcessor"/>, which replace subscriber tokens with <c>token=REDACTED</c>.
    /// </summary>
    /// <param name="whenExportingToApplicationInsights">
    /// What the host must add when this app exports its own logs to Application Insights, called then only. The
    /// Functions worker passes <c>UseFunctionsWorkerDefaults()</c>, which asks the Functions host not to export the
    /// worker's logs a second time (see <c>src/DigestPipeline.Functions/Program.cs</c>); when this app does not
    /// export, the host's forwarding is the only way its logs reach Application Insights, so it must stay on.
    /// </param>
    public static IServiceCollection AddDigestTelemetry(
        this IServiceCollection services, IConfiguration configuration, Action<IOpenTelemetryBuilder>? whenExportingToApplicationInsights = null)
    {
        var options = Read(configuration);
        var toApplicationInsights = !string.IsNullOrWhiteSpace(options.ApplicationInsightsConnectionString);
        var toOtlp = !string.IsNullOrWhiteSpace(configuration[TelemetryOptions.OtlpEndpointKey]);
        if (!options.Console && !toApplicationInsights && !toOtlp)
            return services;

        // The token processors are added before any exporter: OpenTelemetry runs a provider's processors in the
        // order they were added, and an exporter's batch processor takes the span or record as it is when its turn
        // comes (a record changed after that could be exported either way).
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing => tracing.AddSource(PipelineTelemetry.Name).AddProcessor(new SubscriberTokenSpanProcessor()))
            .WithMetrics(metrics => metrics.AddMeter(PipelineTelemetry.Name));

        if (options.Console)
        {
            telemetry
                .WithTracing(tracing => tracing.AddConsoleExporter())
                .WithMetrics(metrics => metrics.AddConsoleExporter());
        }

        if (toApplicationInsights || toOtlp)
        {
            // Logs go through OpenTelemetry only to be exported to Application Insights or a collector (locally the
            // console logger prints them), so their processor is registered only then.
            telemetry.WithLogging(logging => logging.AddProcessor(new SubscriberTokenLogProcessor()));
            services.Configure<OpenTelemetryLoggerOptions>(logging =>
            {
                logging.IncludeScopes = true;
                logging.IncludeFormattedMessage = true;
            });
        }

        if (toOtlp)
        {
            // One exporter per signal, after the token processors, as the console's.
            telemetry
                .WithTracing(tracing => tracing.AddOtlpExporter())
                .WithMetrics(metrics => metrics.AddOtlpExporter())
                .WithLogging(logging => logging.AddOtlpExporter());
        }

        if (toApplicationInsights)
        {
            whenExportingToApplicationInsights?.Invoke(telemetry);
            var credential = EntraCredential(configuration[EntraAuthenticationKey]);
            telemetry.UseAzureMonitorExporter(exporter =>
            {
                exporter.ConnectionString = options.ApplicationInsightsConnectionString;
                if (credential is not null)
                    exporter.Credential = credential;
            });
        }

        return services;
    }

    /// <summary>
    /// Set by infra/ next to the connection string when the Application Insights resource accepts Entra ID only
    /// (local authentication disabled): <c>ClientId={managed identity};Authorization=AAD</c>.
    /// </summary>
    private const string EntraAuthenticationKey = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    private static ManagedIdentityCredential? EntraCredential(string? authentication)
    {
        if (authentication is null || !authentication.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase))
            return null;
        var clientId = authentication.Split(';').Select(part => part.Split('=', 2))
            .FirstOrDefault(pair => pair.Length == 2 && pair[0].Trim().Equals("ClientId", StringComparison.OrdinalIgnoreCase))?[1].Trim();
        return clientId is null ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned) : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    }

    public static TelemetryOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        options.ApplicationInsightsConnectionString ??= configuration[TelemetryOptions.ApplicationInsightsKey];
        if (configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } serviceName)
            options.ServiceName = serviceName;
        return options;
    }
}
