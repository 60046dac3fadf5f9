using Microsoft.Extensions.Logging;

namespace DigestPipeline.Hosting;

/// <summary>
/// The logger factory of a host serving the subscriber pages with its own Kestrel (<c>digest up</c>): ASP.NET Core's
/// own categories log warnings and errors only. At Information, its hosting diagnostics write every request line with
/// its query string ("Request starting … /confirm?token=…"), and a subscriber page's token is a key to that
/// subscriber's account. Enforced here rather than in configuration, so that no logging setting can bring those
/// lines back (<see cref="TokenSafeLogging.KeepFrameworkRequestsOutOfLogs"/>).
/// </summary>
internal sealed class FrameworkRequestLogging(ILoggerFactory host) : ILoggerFactory
{
    private const string FrameworkPrefix = TokenSafeLogging.FrameworkCategory;

    public ILogger CreateLogger(string categoryName)
    {
        var logger = host.CreateLogger(categoryName);
        return categoryName.StartsWith(FrameworkPrefix, StringComparison.Ordinal) ? new WarningsOnly(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => host.AddProvider(provider);

    /// <summary>The host owns its factory and disposes of it.</summary>
    public void Dispose()
    {
    }

    private sealed class WarningsOnly(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
