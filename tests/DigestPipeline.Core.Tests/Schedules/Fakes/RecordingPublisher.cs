using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Core.Tests.Schedules.Fakes;

/// <summary>The published messages as a queue would hold them, typed: delayed ones wait for <see cref="ReleaseDelayed"/>.</summary>
internal sealed class RecordingPublisher : IMessagePublisher
{
    private readonly Queue<object> _messages = new();

    /// <summary>Messages published with a delay: not delivered until <see cref="ReleaseDelayed"/>.</summary>
    public List<(object Message, TimeSpan Delay)> Delayed { get; } = [];

    public Task PublishAsync<TMessage>(TMessage message, TimeSpan delay, CancellationToken cancellationToken)
        where TMessage : notnull
    {
        if (delay > TimeSpan.Zero)
            Delayed.Add((message, delay));
        else
            _messages.Enqueue(message);
        return Task.CompletedTask;
    }

    /// <summary>The delayed messages become visible, as their delay has passed.</summary>
    public void ReleaseDelayed()
    {
        foreach (var (message, _) in Delayed)
            _messages.Enqueue(message);
        Delayed.Clear();
    }

    public void Return(object message) => _messages.Enqueue(message);

    public bool TryTake(out object message) => _messages.TryDequeue(out message!);
}
