namespace DigestPipeline.Core.Pipeline;

/// <summary>
/// A handler of one queue's messages, already decoded and checked (<see cref="QueueMessageHandler{TMessage}"/> does
/// that, inside the message's span). Called at least once per message: running it twice on the same message leaves
/// the same end state. It never swallows a failure: an exception makes <see cref="QueueEndpoint"/> retry the message,
/// then dead-letter it in <c>{queue}-poison</c>.
/// </summary>
public interface IMessageHandler<in TMessage>
{
    Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
