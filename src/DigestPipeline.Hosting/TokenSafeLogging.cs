using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Hosting;

/// <summary>
/// The log filters every host applies, in one place. Subscriber pages' URLs carry the subscriber's token in their
/// query (a key to that subscriber's account), and ASP.NET Core's hosting diagnostics write every request line with
/// its query at Information ("Request starting … /confirm?token=…"): its categories log warnings and errors only.
/// Kept although the telemetry's processors redact tokens from what it exports: they see only that path, while every
/// other logger provider (the console; in Azure the worker's forwarding to the Functions host) gets the line as
/// written. And both hosts record each request already (the Functions host; the request spans of <c>digest up</c>).
/// </summary>
public static class TokenSafeLogging
{
    /// <summary>The framework's categories, whose request lines hold the query.</summary>
    public const string FrameworkCategory = "Microsoft.AspNetCore";

    /// <summary>
    /// <see cref="FrameworkCategory"/> below Warning off; and the Azure SDK's <c>Azure.Core</c> below Error, whose
    /// warnings are expected answers (409 "already exists" when creating storage) while real failures surface as
    /// exceptions.
    /// </summary>
    public static ILoggingBuilder AddTokenSafeFilters(this ILoggingBuilder logging) =>
        logging
            .AddFilter(FrameworkCategory, LogLevel.Warning)
            .AddFilter("Azure.Core", LogLevel.Error);

    /// <summary>
    /// For a host whose own Kestrel serves the pages: <see cref="FrameworkCategory"/> below Warning enforced by the
    /// logger factory itself (<see cref="FrameworkRequestLogging"/>), which no filter rule, however specific (a
    /// logger provider's own, a category's longer name), can turn back on.
    /// </summary>
    public static ILoggingBuilder KeepFrameworkRequestsOutOfLogs(this ILoggingBuilder logging)
    {
        var factory = logging.Services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService);
        if (factory?.ImplementationType is not { } factoryType)
            throw new InvalidOperationException("The host's logger factory is expected to be registered by its type (AddLogging's LoggerFactory).");

        // The factory itself stays a singleton of the container, which disposes of it; the host gets it wrapped.
        logging.Services.TryAdd(ServiceDescriptor.Singleton(factoryType, factoryType));
        logging.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new FrameworkRequestLogging((ILoggerFactory)sp.GetRequiredService(factoryType))));
        return logging;
    }
}
