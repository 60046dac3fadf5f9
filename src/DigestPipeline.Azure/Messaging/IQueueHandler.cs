using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Azure.Messaging;

/// <summary>
/// One queue's messages as text, which is what the hosts hand over (the Functions triggers and the local queue pump,
/// both through <see cref="QueueEndpoint"/>). The pipeline's own queues bind their typed handlers here with
/// <c>AddQueueHandler</c> (<see cref="QueueMessageHandler{TMessage}"/>); the handlers themselves are
/// <see cref="IMessageHandler{TMessage}"/>.
/// </summary>
public interface IQueueHandler
{
    string Queue { get; }

    Task HandleAsync(string messageText, CancellationToken cancellationToken);
}
