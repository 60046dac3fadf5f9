using DigestPipeline.Azure.Queues;
using DigestPipeline.Core.Themes;
using DigestPipeline.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// The worker does not read host.json; this does, so that messages this app sends are encoded as its triggers expect.
builder.Configuration.AddHostJson();
// The same registration as the local host (PipelineHost): Core handlers, storage adapters, mail, telemetry and the
// token-safe log filters.
// Traces, metrics and logs go to Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set (it is, by
// infra/), each log record once. The worker also hands every ILogger record to the Functions host, which exports it
// too unless told not to. "Use OpenTelemetry with Azure Functions"
// (https://learn.microsoft.com/azure/azure-functions/opentelemetry-howto) pairs host.json's
// "telemetryMode": "OpenTelemetry" with the worker's AddOpenTelemetry().UseFunctionsWorkerDefaults() and an
// exporter; UseFunctionsWorkerDefaults declares the worker capability WorkerOpenTelemetryEnabled, "a capability to
// avoid duplicate telemetry" (the package's README), on which the host in OpenTelemetry mode stops exporting the
// logs the worker forwards (its "Function.*" categories: azure-functions-host, OpenTelemetryConfigurationExtensions).
// Called only when this app exports its own logs: without the connection string, the host's forwarding is the only
// path and must stay.
builder.AddDigestPipeline(whenExportingToApplicationInsights: otel => otel.UseFunctionsWorkerDefaults());
// A relative Themes:Path (default seeds/themes.json, copied next to the app) is relative to the app, not the working directory.
builder.Services.PostConfigure<ThemeTaxonomyOptions>(o => o.Path = Path.Combine(AppContext.BaseDirectory, o.Path));

builder.Build().Run();
