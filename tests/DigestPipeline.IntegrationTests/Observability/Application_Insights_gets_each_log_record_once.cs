using System.Text.Json;
using DigestPipeline.Hosting.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Observability;

/// <summary>
/// The parts of "each log record reaches Application Insights once" that can be run without the Functions host.
/// In Azure the worker hands every record to the host as well; the host leaves them to the app only in its
/// OpenTelemetry mode (host.json) and when the worker declares that it exports them itself, which the Functions app
/// does through <c>AddDigestTelemetry</c>'s hook (<c>UseFunctionsWorkerDefaults()</c>, Program.cs). Checked here:
/// that hook runs exactly when the app exports its logs, the app has one log exporting path, which posts a record
/// once, and host.json asks for the mode.
/// </summary>
public sealed class Application_Insights_gets_each_log_record_once : IAsyncLifetime
{
    private LoopbackIngestion _ingestion = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _ingestion = await LoopbackIngestion.StartAsync(Cancellation);

    public async ValueTask DisposeAsync() => await _ingestion.DisposeAsync();

    [Fact]
    public async Task An_app_exporting_its_logs_posts_each_record_once_and_runs_the_worker_hook_once()
    {
        var hookRuns = 0;
        using var host = Host(new() { [TelemetryOptions.ApplicationInsightsKey] = _ingestion.ConnectionString }, () => hookRuns++);
        // Started as in the app: the exporter registers itself when the host starts.
        await host.StartAsync(Cancellation);
        var marker = Guid.NewGuid().ToString("N");

        host.Services.GetRequiredService<ILogger<Application_Insights_gets_each_log_record_once>>().LogInformation("Exported once {Marker}", marker);
        host.Services.GetRequiredService<LoggerProvider>().ForceFlush().ShouldBeTrue();

        hookRuns.ShouldBe(1);
        host.Services.GetServices<ILoggerProvider>().OfType<OpenTelemetryLoggerProvider>().Count().ShouldBe(1);
        _ingestion.ItemsOf("Message").Count(item => item.GetRawText().Contains(marker)).ShouldBe(1);
        await host.StopAsync(Cancellation);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_app_not_exporting_its_logs_leaves_them_to_the_host_and_does_not_run_the_worker_hook(bool console)
    {
        // Without the hook, the Functions worker does not ask its host to drop the records it forwards: they are then
        // the only copy, and must reach Application Insights that way.
        var hookRuns = 0;
        using var host = Host(new() { ["Telemetry:Console"] = console ? "true" : "false" }, () => hookRuns++);

        hookRuns.ShouldBe(0);
        host.Services.GetServices<ILoggerProvider>().OfType<OpenTelemetryLoggerProvider>().ShouldBeEmpty();
    }

    [Fact]
    public void Host_json_puts_the_Functions_host_in_OpenTelemetry_mode()
    {
        // In its default (Application Insights) mode the host ignores the worker's WorkerOpenTelemetryEnabled
        // capability and exports the records the worker forwards, as well as the app exporting them itself.
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));

        hostJson.RootElement.GetProperty("telemetryMode").GetString().ShouldBe("OpenTelemetry", StringCompareShould.IgnoreCase);
    }

    private static IHost Host(Dictionary<string, string?> settings, Action hook)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddDigestTelemetry(builder.Configuration, whenExportingToApplicationInsights: _ => hook());
        return builder.Build();
    }
}
