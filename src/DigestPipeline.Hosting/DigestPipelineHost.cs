using DigestPipeline.Core.Pipeline;
using DigestPipeline.Web;
using DigestPipeline.Web.Console;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace DigestPipeline.Hosting;

/// <summary>
/// Builds a local host of the pipeline (the <c>digest</c> command, the tests): a plain generic host, quick to start;
/// or, when it serves the subscriber pages (<c>digest up</c>), one <see cref="WebApplication"/> whose services hold
/// everything (handlers, storage, loops, pages), Kestrel on <see cref="WebOptions.Urls"/>, with the pages, the upload
/// API (<see cref="DocumentApiEndpoints"/>), the operator console (<see cref="ConsoleEndpoints"/>), <c>/healthz</c> and <c>/readyz</c> mapped on it behind the storage-outage page.
/// </summary>
public static class DigestPipelineHost
{
    /// <param name="settings">The host's application name, content root and environment (its <c>Configuration</c> is not used).</param>
    /// <param name="configure">What the host registers (<c>AddDigestPipeline</c>, its triggers), the same for both kinds.</param>
    public static IHost Create(HostApplicationBuilderSettings settings, bool serveSubscriberPages, Action<IHostApplicationBuilder> configure)
    {
        if (!serveSubscriberPages)
        {
            var builder = Host.CreateEmptyApplicationBuilder(settings);
            configure(builder);
            return builder.Build();
        }

        // Nothing but what the pages need: Kestrel without HTTPS or its configuration section, routing.
        var web = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = settings.ApplicationName,
            ContentRootPath = settings.ContentRootPath,
            EnvironmentName = settings.EnvironmentName,
        });
        web.WebHost.UseKestrelCore();
        web.Services.AddRoutingCore();
        configure(web);
        web.Services.AddDocumentApi();
        web.Services.AddConsole();

        // Once the configuration is complete.
        var pages = web.Configuration.GetSection(WebOptions.Section);
        web.Services.AddOptions<WebOptions>().Bind(pages);
        web.WebHost.UseUrls((pages.Get<WebOptions>() ?? new WebOptions()).Urls);
        web.Logging.KeepFrameworkRequestsOutOfLogs();
        // A span per page request (not per health probe), for whichever tracer provider the host builds
        // (AddDigestTelemetry; none, so no cost, when nothing is exported). The Functions app does not do this: its
        // host records the requests, and the worker tracing them too would send each one twice.
        web.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddAspNetCoreInstrumentation(requests =>
            requests.Filter = http => !HealthEndpoints.IsProbe(http.Request.Path)));

        var app = web.Build();
        app.UseStorageOutagePage(app.Services.GetRequiredService<HostHealth>());
        app.UseRouting();
        app.MapHealthChecks();
        app.MapSubscriberPages();
        app.MapSubscribePages();
        app.MapPreferencesPages();
        app.MapDocumentApi();
        app.MapConsole();
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DigestPipelineHost))
                .LogInformation("Subscriber pages served on {Urls}", string.Join(", ", app.PageAddresses())));
        return app;
    }

    /// <summary>The addresses the pages are served on once the host started (a port 0 in <c>Web:Urls</c> resolved); none without pages.</summary>
    public static IReadOnlyList<string> PageAddresses(this IHost host) =>
        host.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
}
