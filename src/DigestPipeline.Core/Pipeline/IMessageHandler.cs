namespace DigestPipeline.Core.Pipeline;

/// <summary>
/// A handler of one kind of message (<see cref="UploadArrived"/>, <see cref="SummarizeMessage"/>,
/// <see cref="DigestBatchMessage"/>), already decoded and checked by the host's edge, inside the message's span.
/// Called at least once per message: running it twice on the same message leaves the same end state. It never
/// swallows a failure: an exception makes the edge retry the message, then dead-letter it; a
/// <see cref="FormatException"/> or an <see cref="UnprocessableMessageException"/> dead-letters it at once.
/// </summary>
public interface IMessageHandler<in TMessage>
{
    Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
