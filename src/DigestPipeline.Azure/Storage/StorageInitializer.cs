using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// Creates every container, queue (with its <c>-poison</c> queue) and table of <see cref="StorageNames"/>, and the
/// <see cref="HostContainer"/> of receipts and locks. Idempotent; runs as the first hosted service of the local host.
/// </summary>
public sealed class StorageInitializer(
    BlobServiceClient blobs,
    QueueServiceClient queues,
    TableServiceClient tables,
    ILogger<StorageInitializer> logger) : IHostedService
{
    /// <summary>The container the Functions host keeps its own state in; the local host uses it the same way.</summary>
    public const string HostContainer = "azure-webjobs-hosts";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        foreach (var container in StorageNames.Containers.Append(HostContainer))
            work.Add(blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        foreach (var queue in StorageNames.Queues.SelectMany(q => new[] { q, StorageNames.PoisonQueue(q) }))
            work.Add(queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        foreach (var table in StorageNames.Tables)
            work.Add(tables.CreateTableIfNotExistsAsync(table, cancellationToken));

        await Task.WhenAll(work);
        logger.LogInformation("Storage ready at {BlobEndpoint}: {Containers} containers, {Queues} queues, {Tables} tables",
            blobs.Uri, StorageNames.Containers.Count + 1, StorageNames.Queues.Count * 2, StorageNames.Tables.Count);
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
