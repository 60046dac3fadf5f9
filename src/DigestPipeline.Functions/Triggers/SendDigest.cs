using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Storage;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary>Queue <c>digest</c>: a batch of subscribers due for a digest.</summary>
public sealed class SendDigest(QueueEndpoint endpoint)
{
    [Function(nameof(SendDigest))]
    public Task Run([QueueTrigger(StorageNames.DigestQueue)] string message, CancellationToken cancellationToken) =>
        endpoint.HandleAsync(StorageNames.DigestQueue, message, cancellationToken);
}
