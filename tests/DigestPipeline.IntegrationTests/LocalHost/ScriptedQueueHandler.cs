using System.Collections.Concurrent;
using DigestPipeline.Azure.Messaging;

namespace DigestPipeline.IntegrationTests.LocalHost;

/// <summary>A queue handler for tests: fails its first <c>failures</c> calls per message (all of them when null), records every call.</summary>
internal sealed class ScriptedQueueHandler(string queue, int? failures) : IQueueHandler
{
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly ConcurrentQueue<string> _succeeded = new();

    public string Queue => queue;

    public int Attempts(string message) => _attempts.GetValueOrDefault(message);

    public IReadOnlyCollection<string> Succeeded => _succeeded;

    public Task HandleAsync(string messageText, CancellationToken cancellationToken)
    {
        var attempt = _attempts.AddOrUpdate(messageText, 1, (_, n) => n + 1);
        if (failures is null || attempt <= failures)
            throw new InvalidOperationException($"boom {attempt}");
        _succeeded.Enqueue(messageText);
        return Task.CompletedTask;
    }
}
