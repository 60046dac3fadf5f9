using DigestPipeline.Azure;
using DigestPipeline.Azure.LocalHost;
using DigestPipeline.Azure.Telemetry;
using DigestPipeline.Core.Themes;
using DigestPipeline.Mail;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// The worker does not read host.json; this does, so that messages this app sends are encoded as its triggers expect.
builder.Configuration.AddHostJson();
// The same registration as the local host (PipelineHost): Core handlers, storage adapters, mail.
builder.Services.AddDigestPipeline(builder.Configuration);
builder.Services.AddDigestMail(builder.Configuration);
// Traces and metrics to Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set (it is, by infra/).
builder.Services.AddDigestTelemetry(builder.Configuration);
// A relative Themes:Path (default seeds/themes.json, copied next to the app) is relative to the app, not the working directory.
builder.Services.PostConfigure<ThemeTaxonomyOptions>(o => o.Path = Path.Combine(AppContext.BaseDirectory, o.Path));
// Request URLs carry subscribers' tokens: no per-request logging from ASP.NET Core below Warning.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

builder.Build().Run();
