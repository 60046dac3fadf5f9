using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Benchmarks.Planning;

/// <summary>Counts the digest messages the planner publishes, and drops them: planning is what is measured.</summary>
internal sealed class CountingPublisher : IMessagePublisher
{
    public int Messages { get; private set; }

    public Task PublishAsync<TMessage>(TMessage message, TimeSpan delay, CancellationToken cancellationToken)
        where TMessage : notnull
    {
        Messages++;
        return Task.CompletedTask;
    }
}
