using System.Collections;
using System.Reflection;
using DigestPipeline.Hosting.Telemetry;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Observability;

/// <summary>
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, traces, metrics and logs each get an OTLP exporter (behind the token
/// processors); not set, none. Read from the providers the host builds, without sending anything: the endpoint is a
/// closed port of the loopback, which refuses at once the last export a provider tries when it is disposed.
/// </summary>
public sealed class Otlp_export_follows_its_endpoint_setting
{
    private static readonly string ClosedEndpoint = $"http://127.0.0.1:{ClosedLoopbackPort.Find()}";

    [Fact]
    public void With_the_endpoint_set_traces_metrics_and_logs_are_exported_over_OTLP()
    {
        using var host = Host(new() { [TelemetryOptions.OtlpEndpointKey] = ClosedEndpoint });

        Exporters(host.Services.GetRequiredService<TracerProvider>()).ShouldBe(["OtlpTraceExporter"]);
        Exporters(host.Services.GetRequiredService<MeterProvider>()).ShouldBe(["OtlpMetricExporter"]);
        Exporters(host.Services.GetRequiredService<LoggerProvider>()).ShouldBe(["OtlpLogExporter"]);
        host.Services.GetServices<ILoggerProvider>().OfType<OpenTelemetryLoggerProvider>().Count().ShouldBe(1);
    }

    [Fact]
    public void Without_it_nothing_is_exported_over_OTLP()
    {
        // The console on, so that the providers exist and the search is seen to find their exporters.
        using var console = Host(new() { ["Telemetry:Console"] = "true" });
        Exporters(console.Services.GetRequiredService<TracerProvider>()).ShouldBe(["ConsoleActivityExporter"]);
        Exporters(console.Services.GetRequiredService<MeterProvider>()).ShouldBe(["ConsoleMetricExporter"]);
        console.Services.GetServices<ILoggerProvider>().OfType<OpenTelemetryLoggerProvider>().ShouldBeEmpty();

        using var nothing = Host([]);
        nothing.Services.GetService<TracerProvider>().ShouldBeNull();
        nothing.Services.GetService<MeterProvider>().ShouldBeNull();
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddDigestTelemetry(builder.Configuration);
        return builder.Build();
    }

    /// <summary>
    /// The type names of the exporters a provider holds. OpenTelemetry keeps its processors, readers and exporters in
    /// internal fields, so they are found by walking the fields of OpenTelemetry's own objects from the provider.
    /// </summary>
    private static List<string> Exporters(object provider)
    {
        var found = new List<string>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>([provider]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
                continue;
            var type = current.GetType();
            if (IsExporter(type))
            {
                found.Add(type.Name);
                continue;
            }

            for (var t = type; t is not null && t.Namespace?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true; t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    switch (field.GetValue(current))
                    {
                        case null or string or Delegate:
                            break;
                        case IEnumerable items and not IServiceProvider:
                            foreach (var item in items)
                            {
                                if (item is not null && IsOpenTelemetry(item.GetType()))
                                    pending.Push(item);
                            }

                            break;
                        case var value when IsOpenTelemetry(value.GetType()):
                            pending.Push(value);
                            break;
                    }
                }
            }
        }

        return found;
    }

    private static bool IsOpenTelemetry(Type type) => type.Namespace?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true;

    private static bool IsExporter(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(BaseExporter<>))
                return true;
        }

        return false;
    }
}
