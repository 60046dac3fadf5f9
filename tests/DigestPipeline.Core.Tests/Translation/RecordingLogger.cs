using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Core.Tests.Translation;

/// <summary>Keeps each record's level and formatted message: a test can count what an operator would see.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _records = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Records => _records.ToList();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _records.Enqueue((logLevel, formatter(state, exception)));
}
