using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Core.Tests.Schedules.Fakes;

internal sealed class RecordingWorkQueue : IWorkQueue
{
    private readonly Queue<(string Queue, string Text)> _messages = new();

    /// <summary>Messages sent with a delay: not delivered until <see cref="ReleaseDelayed"/>.</summary>
    public List<(string Queue, string Text, TimeSpan Delay)> Delayed { get; } = [];

    public Task SendAsync(string queue, string messageText, CancellationToken cancellationToken)
    {
        _messages.Enqueue((queue, messageText));
        return Task.CompletedTask;
    }

    public Task SendAsync(string queue, string messageText, TimeSpan delay, CancellationToken cancellationToken)
    {
        Delayed.Add((queue, messageText, delay));
        return Task.CompletedTask;
    }

    /// <summary>The delayed messages become visible, as their delay has passed.</summary>
    public void ReleaseDelayed()
    {
        foreach (var (queue, text, _) in Delayed)
            _messages.Enqueue((queue, text));
        Delayed.Clear();
    }

    public void Return((string Queue, string Text) message) => _messages.Enqueue(message);

    public bool TryTake(out (string Queue, string Text) message) => _messages.TryDequeue(out message);
}
