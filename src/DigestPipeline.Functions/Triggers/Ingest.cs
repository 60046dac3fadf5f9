using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Storage;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary>Queue <c>ingest</c>: the Event Grid BlobCreated event of an upload to <c>incoming</c>.</summary>
public sealed class Ingest(QueueEndpoint endpoint)
{
    [Function(nameof(Ingest))]
    public Task Run([QueueTrigger(StorageNames.IngestQueue)] string message, CancellationToken cancellationToken) =>
        endpoint.HandleAsync(StorageNames.IngestQueue, message, cancellationToken);
}
