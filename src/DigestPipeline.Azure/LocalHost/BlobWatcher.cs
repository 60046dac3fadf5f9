using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Azure.LocalHost;

/// <summary>
/// The local stand-in for Event Grid: polls the <c>incoming</c> container and, for each blob version (name + ETag)
/// without a receipt, sends one <see cref="BlobCreatedEvent"/> to the <c>ingest</c> queue, then writes the receipt
/// <c>azure-webjobs-hosts/blobreceipts/{hostId}/incoming/{etag}/{name}</c> (create-only). Restarts and other hosts
/// skip blobs with a receipt; a crash between the event and its receipt only repeats the event, which ingest absorbs.
/// </summary>
public sealed class BlobWatcher(
    BlobServiceClient blobs,
    IWorkQueue workQueue,
    IOptions<LocalHostOptions> options,
    TimeProvider time,
    ILogger<BlobWatcher> logger) : BackgroundService
{
    private readonly BlobContainerClient incoming = blobs.GetBlobContainerClient(StorageNames.IncomingContainer);
    private readonly BlobContainerClient hosts = blobs.GetBlobContainerClient(StorageInitializer.HostContainer);
    /// <summary>Blobs published at once after a burst of uploads.</summary>
    private const int PublishConcurrency = 8;

    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private long completedPolls;
    private long published;

    /// <summary>Polls of the container completed since start (diagnostics, and for tests to wait on).</summary>
    public long CompletedPolls => Interlocked.Read(ref completedPolls);

    /// <summary>Events this watcher sent since start.</summary>
    public long Published => Interlocked.Read(ref published);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        logger.LogInformation("Watching container {Container} every {Interval}", incoming.Name, settings.BlobPollInterval);
        try
        {
            while (true)
            {
                try
                {
                    await PollAsync(settings.HostId, stoppingToken);
                    Interlocked.Increment(ref completedPolls);
                }
                catch (Exception e) when (e is RequestFailedException or HttpRequestException or IOException or TimeoutException or System.Xml.XmlException)
                {
                    // Storage unreachable for a moment: the next poll tries again, nothing is marked seen. (Azurite once
                    // answered a listing with an empty 500, with a control-character blob name in the container; the SDK
                    // then fails parsing the error with an XmlException, which must not stop the host either.)
                    logger.LogError(e, "Could not poll container {Container}; next try in {Interval}", incoming.Name, settings.BlobPollInterval);
                }

                await Task.Delay(settings.BlobPollInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    private async Task PollAsync(string hostId, CancellationToken cancellationToken)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var fresh = new List<(BlobItem Item, string ETag, string Key)>();
        await foreach (var item in incoming.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var eTag = item.Properties.ETag?.ToString().Trim('"') ?? "";
            var key = $"{eTag}/{item.Name}";
            listed.Add(key);
            if (!seen.Contains(key))
                fresh.Add((item, eTag, key));
        }

        // A burst of uploads is published several at a time: one by one, three requests each, the watcher would be
        // the pipeline's bottleneck. A failure fails the poll; the next one publishes what has no receipt yet.
        await Parallel.ForEachAsync(fresh, new ParallelOptions { MaxDegreeOfParallelism = PublishConcurrency, CancellationToken = cancellationToken },
            (blob, ct) => new ValueTask(PublishOnceAsync(hostId, blob.Item, blob.ETag, ct)));
        seen.UnionWith(fresh.Select(blob => blob.Key));

        // Forget versions that are gone, so the set stays as small as the container.
        seen.IntersectWith(listed);
    }

    private async Task PublishOnceAsync(string hostId, BlobItem item, string eTag, CancellationToken cancellationToken)
    {
        var receipt = hosts.GetBlobClient($"blobreceipts/{hostId}/{StorageNames.IncomingContainer}/{eTag}/{item.Name}");
        if (await receipt.ExistsAsync(cancellationToken))
            return;

        var blobCreated = BlobCreatedEvent.For(
            StorageNames.IncomingContainer,
            item.Name,
            incoming.GetBlobClient(item.Name).Uri.ToString(),
            eTag,
            item.Properties.ContentLength ?? 0,
            item.Properties.ContentType,
            time.GetUtcNow());
        await workQueue.SendAsync(StorageNames.IngestQueue, PipelineJson.Serialize(blobCreated), cancellationToken);
        Interlocked.Increment(ref published);

        try
        {
            await receipt.UploadAsync(
                BinaryData.FromString(blobCreated.Id),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Another host published the same version at the same moment; ingest is idempotent.
            logger.LogInformation("Blob {Blob} ({ETag}) was published by another host too", item.Name, eTag);
        }

        logger.LogInformation("Blob {Blob} ({ETag}, {Length} bytes) → {Queue}", item.Name, eTag, item.Properties.ContentLength, StorageNames.IngestQueue);
    }
}
