namespace DigestPipeline.Core.Pipeline;

/// <summary>Sends work messages to the pipeline's queues. Messages are JSON text.</summary>
public interface IWorkQueue
{
    Task SendAsync(string queue, string messageText, CancellationToken cancellationToken);

    /// <summary>Sends a message that stays invisible to the queue's readers for <paramref name="delay"/> (at most 7 days).</summary>
    Task SendAsync(string queue, string messageText, TimeSpan delay, CancellationToken cancellationToken);
}
