using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Storage;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary>Queue <c>summarize</c>: a document to theme and summarize.</summary>
public sealed class Summarize(QueueEndpoint endpoint)
{
    [Function(nameof(Summarize))]
    public Task Run([QueueTrigger(StorageNames.SummarizeQueue)] string message, CancellationToken cancellationToken) =>
        endpoint.HandleAsync(StorageNames.SummarizeQueue, message, cancellationToken);
}
