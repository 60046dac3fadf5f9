using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.IntegrationTests.Observability;

/// <summary>
/// A logger provider that keeps every record it is given as the text an operator would see in a log sink: the
/// category, the formatted message, each scope's values and the exception with its stack.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _records = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Records => _records.ToList();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    public sealed record CapturedLog(LogLevel Level, string Category, string Text);

    private sealed class CapturingLogger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                    text.Append(" | ").Append(key).Append('=').Append(value);
            }

            capture._scopes.ForEachScope((scope, builder) =>
            {
                builder.Append(" | scope ").Append(scope);
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                        builder.Append(' ').Append(key).Append('=').Append(value);
                }
                else if (scope is IEnumerable<KeyValuePair<string, object>> objects)
                {
                    foreach (var (key, value) in objects)
                        builder.Append(' ').Append(key).Append('=').Append(value);
                }
            }, text);
            if (exception is not null)
                text.Append(" | ").Append(exception);
            capture._records.Enqueue(new CapturedLog(logLevel, category, text.ToString()));
        }
    }
}
