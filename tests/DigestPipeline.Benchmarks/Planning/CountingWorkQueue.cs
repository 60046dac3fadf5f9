using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Benchmarks.Planning;

/// <summary>Counts the digest messages the planner sends, and drops them: planning is what is measured.</summary>
internal sealed class CountingWorkQueue : IWorkQueue
{
    public int Messages { get; private set; }

    public Task SendAsync(string queue, string messageText, CancellationToken cancellationToken)
    {
        Messages++;
        return Task.CompletedTask;
    }

    public Task SendAsync(string queue, string messageText, TimeSpan delay, CancellationToken cancellationToken) =>
        SendAsync(queue, messageText, cancellationToken);
}
