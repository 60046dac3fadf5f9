using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Azure.Messaging;

/// <summary>Core's <see cref="IMessagePublisher"/> on the storage queues: each message to its queue, as <see cref="QueueMessages"/> writes it.</summary>
public sealed class QueueMessagePublisher(IQueueSender queue) : IMessagePublisher
{
    public Task PublishAsync<TMessage>(TMessage message, TimeSpan delay, CancellationToken cancellationToken)
        where TMessage : notnull
    {
        var (queueName, text) = QueueMessages.Encode(message);
        return queue.SendAsync(queueName, text, delay, cancellationToken);
    }
}
