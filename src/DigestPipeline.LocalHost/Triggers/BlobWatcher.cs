using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestPipeline.LocalHost;

/// <summary>
/// The local stand-in for Event Grid: polls the <c>incoming</c> container and, for each blob version (name + ETag)
/// without a receipt, claims the receipt <c>azure-webjobs-hosts/blobreceipts/{hostId}/incoming/{etag}/{name}</c>
/// (create-only), then publishes its <see cref="UploadArrived"/>, which the edge writes to the <c>ingest</c> queue as the
/// BlobCreated event Event Grid would write: one event per blob
/// version, whatever the number of hosts. Restarts and other hosts skip blobs with a receipt.
/// </summary>
/// <remarks>
/// Unlike Event Grid it publishes a burst of uploads as ingest drains it, keeping at most
/// <see cref="MaxWaitingEvents"/> messages in the queue: Azurite scans every message of the account on each receive,
/// delete and update, so a thousand waiting events made every queue request of the pipeline several times dearer.
/// Blobs not yet published have no receipt, so a crash loses none of them.
/// </remarks>
public sealed class BlobWatcher(
    BlobServiceClient blobs,
    QueueServiceClient queues,
    IMessagePublisher publisher,
    IOptions<LocalHostOptions> options,
    TimeProvider time,
    HostHealth health,
    ILogger<BlobWatcher> logger) : BackgroundService
{
    /// <summary>Blobs published at once.</summary>
    private const int PublishConcurrency = 8;

    /// <summary>Messages (waiting or being handled) the watcher lets the <c>ingest</c> queue hold.</summary>
    public const int MaxWaitingEvents = 64;

    /// <summary>
    /// The wait between listings is at least this many times the last listing took. Listing costs the storage emulator
    /// time in proportion to the blobs in the container (about 60 ms of Azurite's one core for 1,000), so a large
    /// <c>incoming</c> is listed less often instead of taking a growing share of the storage the handlers need.
    /// </summary>
    private const int ListingCostMultiple = 20;

    /// <summary>
    /// The longest wait between listings, however long the last one took: a listing that spanned a storage outage
    /// (the SDK retries inside one call for seconds) once made the watcher wait over three minutes after storage came back.
    /// </summary>
    private static readonly TimeSpan MaxListingWait = TimeSpan.FromSeconds(10);

    private const string Loop = "blob watcher";

    /// <summary>How often a backlog of listed blobs checks the queue for room.</summary>
    private static readonly TimeSpan BacklogInterval = TimeSpan.FromMilliseconds(100);

    private readonly BlobContainerClient _incoming = blobs.GetBlobContainerClient(StorageNames.IncomingContainer);
    private readonly BlobContainerClient _hosts = blobs.GetBlobContainerClient(StorageInitializer.HostContainer);
    private readonly QueueClient _ingest = queues.GetQueueClient(StorageNames.IngestQueue);

    /// <summary>Blob versions published or in the backlog.</summary>
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Blob versions listed and not yet published, oldest listing first.</summary>
    private readonly List<ListedBlob> _backlog = [];

    private long _completedPolls;
    private long _published;

    /// <summary>Polls of the container completed since start (diagnostics, and for tests to wait on).</summary>
    public long CompletedPolls => Interlocked.Read(ref _completedPolls);

    /// <summary>Events this watcher sent since start.</summary>
    public long Published => Interlocked.Read(ref _published);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        logger.LogInformation("Watching container {Container} every {Interval}", _incoming.Name, settings.BlobPollInterval);
        var sinceListing = time.GetTimestamp();
        var listingWait = TimeSpan.Zero;
        var failures = new RetryBackOff(settings.MaxRetryDelay);
        health.Register(Loop);
        try
        {
            while (true)
            {
                try
                {
                    var reachedStorage = false;
                    if (time.GetElapsedTime(sinceListing) >= listingWait)
                    {
                        sinceListing = time.GetTimestamp();
                        var listing = await ListAsync(stoppingToken);
                        listingWait = Min(MaxListingWait, Max(settings.BlobPollInterval, listing * ListingCostMultiple));
                        reachedStorage = true;
                    }

                    if (_backlog.Count > 0)
                    {
                        await PublishAsync(settings.HostId, stoppingToken);
                        reachedStorage = true;
                    }

                    Interlocked.Increment(ref _completedPolls);
                    if (reachedStorage)
                    {
                        // Only a turn that reached storage says it is back (a turn that just waited says nothing).
                        failures.Reset();
                        health.Succeeded(Loop);
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Whatever the SDK wraps it in (an AggregateException after its retries; an XmlException when
                    // Azurite once answered a listing with an empty 500), storage is unreachable for now: the next
                    // poll lists again and publishes what has no receipt.
                    ForgetBacklog();
                    listingWait = failures.Next();
                    sinceListing = time.GetTimestamp();
                    health.Failed(Loop, e, settings.MaxRetryDelay);
                }

                var untilListing = listingWait - time.GetElapsedTime(sinceListing);
                var wait = _backlog.Count > 0 ? Min(untilListing, Min(BacklogInterval, settings.BlobPollInterval)) : untilListing;
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    /// <summary>Adds the blob versions not seen before to the backlog.</summary>
    /// <returns>How long listing the container took.</returns>
    private async Task<TimeSpan> ListAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var fresh = new List<ListedBlob>();
        await foreach (var item in _incoming.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var blob = new ListedBlob(item, item.Properties.ETag?.ToString().Trim('"') ?? "");
            listed.Add(blob.Key);
            if (!_seen.Contains(blob.Key))
                fresh.Add(blob);
        }

        var took = time.GetElapsedTime(started);
        _backlog.AddRange(fresh);
        _seen.UnionWith(fresh.Select(blob => blob.Key));

        // Forget versions that are gone, so the set stays as small as the container.
        _seen.IntersectWith(listed);
        _backlog.RemoveAll(blob => !listed.Contains(blob.Key));
        return took;
    }

    /// <summary>Publishes the oldest blobs of the backlog, as many as the <c>ingest</c> queue has room for.</summary>
    private async Task PublishAsync(string hostId, CancellationToken cancellationToken)
    {
        var waiting = (await _ingest.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        var round = _backlog.Take(MaxWaitingEvents - waiting).ToList();
        if (round.Count == 0)
            return;

        // A failure fails the round; the caller forgets the backlog and the next listing publishes what has no receipt.
        await Parallel.ForEachAsync(round, new ParallelOptions { MaxDegreeOfParallelism = PublishConcurrency, CancellationToken = cancellationToken },
            (blob, ct) => new ValueTask(PublishOnceAsync(hostId, blob.Item, blob.ETag, ct)));
        _backlog.RemoveRange(0, round.Count);
    }

    private void ForgetBacklog()
    {
        _seen.ExceptWith(_backlog.Select(blob => blob.Key));
        _backlog.Clear();
    }

    /// <summary>
    /// Claims the blob version with a create-only receipt, then sends its event: of several watchers on one account
    /// exactly one publishes each version. A send that fails gives the claim back for the next poll; a crash between
    /// claim and send leaves an upload without its event, which the repair pass publishes (<c>RepairHandler</c>).
    /// </summary>
    private async Task PublishOnceAsync(string hostId, BlobItem item, string eTag, CancellationToken cancellationToken)
    {
        var receipt = _hosts.GetBlobClient($"blobreceipts/{hostId}/{StorageNames.IncomingContainer}/{eTag}/{item.Name}");
        var upload = new UploadArrived(
            item.Name,
            eTag,
            _incoming.GetBlobClient(item.Name).Uri.ToString(),
            item.Properties.ContentLength ?? 0,
            item.Properties.ContentType,
            time.GetUtcNow());
        try
        {
            await receipt.UploadAsync(
                BinaryData.FromString(upload.At.ToString("O")),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return; // published already, by this host before a restart or by another host
        }

        try
        {
            await publisher.PublishAsync(upload, cancellationToken);
        }
        catch
        {
            await receipt.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            throw;
        }

        Interlocked.Increment(ref _published);
        logger.LogInformation("Blob {Blob} ({ETag}, {Length} bytes) → {Queue}", item.Name, eTag, item.Properties.ContentLength, StorageNames.IngestQueue);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>One version of one blob in <c>incoming</c>.</summary>
    private sealed record ListedBlob(BlobItem Item, string ETag)
    {
        public string Key { get; } = $"{ETag}/{Item.Name}";
    }
}
