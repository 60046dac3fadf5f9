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
    ILogger<StorageInitializer> logger,
    HostHealth? health = null) : IHostedService
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

    /// <summary>
    /// As the local host's first hosted service: storage that does not answer yet (an account still being created, an
    /// emulator starting, a network down) is waited for, like every loop of the host waits for it, instead of
    /// stopping the host with the SDK's exception; Ctrl+C still stops it.
    /// </summary>
    async Task IHostedService.StartAsync(CancellationToken cancellationToken)
    {
        var failures = new RetryBackOff(TimeSpan.FromSeconds(5));
        while (true)
        {
            try
            {
                await InitializeAsync(cancellationToken);
                health?.Finished(Loop);
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && health is not null)
            {
                health.Failed(Loop, e, TimeSpan.FromSeconds(5));
                await Task.Delay(failures.Next(), cancellationToken);
            }
        }
    }

    private const string Loop = "storage layout";

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
