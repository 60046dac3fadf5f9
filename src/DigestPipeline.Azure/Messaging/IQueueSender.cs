namespace DigestPipeline.Azure.Messaging;

/// <summary>
/// Sends message text to a named queue: the transport under <see cref="QueueMessagePublisher"/> (Core's typed
/// messages), <see cref="QueueEndpoint"/> (retries and poison) and the local blob watcher.
/// </summary>
public interface IQueueSender
{
    Task SendAsync(string queue, string messageText, CancellationToken cancellationToken);

    /// <summary>Sends a message that stays invisible to the queue's readers for <paramref name="delay"/> (at most 7 days).</summary>
    Task SendAsync(string queue, string messageText, TimeSpan delay, CancellationToken cancellationToken);
}
