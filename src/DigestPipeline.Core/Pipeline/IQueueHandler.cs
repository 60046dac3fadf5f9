namespace DigestPipeline.Core.Pipeline;

/// <summary>
/// A handler of one queue's messages. It is called at least once per message: running it twice on the same
/// message leaves the same end state. It never swallows a failure: an exception makes the message retried, then
/// dead-lettered in <c>{queue}-poison</c>.
/// </summary>
public interface IQueueHandler
{
    string Queue { get; }

    Task HandleAsync(string messageText, CancellationToken cancellationToken);
}
