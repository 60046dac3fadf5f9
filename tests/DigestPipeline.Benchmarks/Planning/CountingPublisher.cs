using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Benchmarks.Planning;

/// <summary>Counts the digest messages the planner publishes, and drops them: planning is what is measured.</summary>
internal sealed class CountingPublisher : IMessagePublisher
{
    private int _messages;

    public int Messages => Volatile.Read(ref _messages);

    public Task PublishAsync<TMessage>(TMessage message, TimeSpan delay, CancellationToken cancellationToken)
        where TMessage : notnull
    {
        Interlocked.Increment(ref _messages);
        return Task.CompletedTask;
    }
}
