using System.Collections.Concurrent;
using Azure.Storage.Queues;
using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Queues;

namespace DigestPipeline.Azure.Storage;

/// <summary>Sends work messages to storage queues, encoded the way the queue trigger expects.</summary>
public sealed class StorageQueueSender(QueueServiceClient queues, QueueMessageCodec codec, NewMessageSignal newMessages) : IQueueSender
{
    private readonly ConcurrentDictionary<string, QueueClient> _clients = new(StringComparer.Ordinal);

    public Task SendAsync(string queue, string messageText, CancellationToken cancellationToken) =>
        SendAsync(queue, messageText, TimeSpan.Zero, cancellationToken);

    public async Task SendAsync(string queue, string messageText, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        var client = _clients.GetOrAdd(queue, queues.GetQueueClient);
        await client.SendMessageAsync(codec.Encode(messageText), visibilityTimeout: delay > TimeSpan.Zero ? delay : null, cancellationToken: cancellationToken);
        if (delay == TimeSpan.Zero)
            newMessages.Notify(queue);
    }
}
