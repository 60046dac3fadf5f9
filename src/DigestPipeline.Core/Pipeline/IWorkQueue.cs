namespace DigestPipeline.Core.Pipeline;

/// <summary>Sends work messages to the pipeline's queues. Messages are JSON text.</summary>
public interface IWorkQueue
{
    Task SendAsync(string queue, string messageText, CancellationToken cancellationToken);
}
