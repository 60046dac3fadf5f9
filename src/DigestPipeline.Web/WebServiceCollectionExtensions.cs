using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace DigestPipeline.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>
    /// Serves the subscriber pages from this host (<see cref="SubscriberWebServer"/>, on <c>Web:Urls</c>). The
    /// handlers come from <c>AddDigestPipelineCore</c> and storage; a host that is already a web application maps
    /// <see cref="SubscriberPageEndpoints.MapSubscriberPages"/> instead.
    /// </summary>
    public static IServiceCollection AddSubscriberWebServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.Section));
        // ASP.NET Core logs each request's URL at Information, and these URLs carry the subscribers' tokens.
        services.Configure<LoggerFilterOptions>(filters => filters.AddFilter("Microsoft.AspNetCore", LogLevel.Warning));
        // A span per page request (not per health probe), for whichever tracer provider the host builds
        // (AddDigestTelemetry; none, so no cost, when nothing is exported). The Functions app does not call this: its
        // host records the requests, and the worker tracing them too would send each one twice.
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddAspNetCoreInstrumentation(requests =>
            requests.Filter = http => !HealthEndpoints.IsProbe(http.Request.Path)));
        services.AddSingleton<SubscriberWebServer>();
        services.AddHostedService(sp => sp.GetRequiredService<SubscriberWebServer>());
        return services;
    }
}
