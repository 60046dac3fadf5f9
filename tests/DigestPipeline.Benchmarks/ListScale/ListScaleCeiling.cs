using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Benchmarks.Load;

namespace DigestPipeline.Benchmarks.ListScale;

/// <summary>
/// Azurite's ceiling for a digest run's storage requests: the requests the host made per digest, issued by a plain SDK
/// loop on the same Azurite with none of the work between them (no composition, SMTP, host or back-off), batch by
/// batch as the planner and the digest queue make them, with as many in flight as the host can have (16 batches of
/// the queue listener, <c>Digests:Parallelism</c> subscribers each). Per batch of 100: the planner's read, claim,
/// message and removal; the listener's receive and delete; per subscriber its Subscribers reads, Deliveries partition
/// query, claim insert, archive upload and completion transaction; per batch the due-index transaction, the theme
/// queries and summaries reads; each as many per digest or batch as the host made (<see cref="DigestRequestMix"/>).
/// It writes to tables, a container and a queue of its own, so the pipeline's rows are read, never changed.
/// </summary>
internal sealed class ListScaleCeiling
{
    private const int BatchSize = 100;
    private const int BatchesInFlight = 16;
    private const int SubscribersInFlight = 8;

    private readonly TableClient _subscribers, _themeIndex, _deliveries, _due;
    private readonly BlobContainerClient _archive, _summaries;
    private readonly QueueClient _queue;

    private ListScaleCeiling(string connectionString, StorageRequestCounter counter)
    {
        var (blobs, queues, tables) = counter.Clients(connectionString);
        _subscribers = tables.GetTableClient(StorageNames.SubscribersTable);
        _themeIndex = tables.GetTableClient(StorageNames.ThemeIndexTable);
        _deliveries = tables.GetTableClient("CeilingDeliveries");
        _due = tables.GetTableClient("CeilingDue");
        _archive = blobs.GetBlobContainerClient("ceiling-digests");
        _summaries = blobs.GetBlobContainerClient(StorageNames.SummariesContainer);
        _queue = queues.GetQueueClient("ceiling-digest");
    }

    /// <param name="subscriberIds">The seeded subscribers, whose rows are read.</param>
    /// <param name="themeIds">Theme partitions to query, in turn.</param>
    /// <param name="summaryBlobs">Summaries blobs to read, in turn.</param>
    /// <param name="mix">The host's requests per planned digest and per batch.</param>
    /// <param name="signedUp">Whether the due index starts with a row per subscriber (their sign-ups') rather than a row per batch.</param>
    /// <returns>How long the requests took, and what they were.</returns>
    public static async Task<(TimeSpan Elapsed, IReadOnlyDictionary<string, int> Requests)> RunAsync(
        string connectionString, IReadOnlyList<string> subscriberIds, IReadOnlyList<string> themeIds, IReadOnlyList<string> summaryBlobs,
        DigestRequestMix mix, int archiveBytes, bool signedUp, CancellationToken cancellationToken)
    {
        var counter = new StorageRequestCounter(byTable: true);
        var ceiling = new ListScaleCeiling(connectionString, counter);
        await ceiling._deliveries.CreateIfNotExistsAsync(cancellationToken);
        await ceiling._due.CreateIfNotExistsAsync(cancellationToken);
        await ceiling._archive.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await ceiling._queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var due = DateTimeOffset.UtcNow;
        var minute = Minute(due);
        var batches = subscriberIds.Chunk(BatchSize).ToList();
        if (signedUp)
        {
            await Task.WhenAll(subscriberIds.Chunk(BatchSize).Select(chunk => ceiling._due.SubmitTransactionAsync(
                chunk.Select(id => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Bundle(minute, id, [id]))), cancellationToken)));
        }
        else
        {
            foreach (var batch in batches)
                await ceiling.PlaceAsync(minute, batch, cancellationToken);
        }

        counter.Reset();
        var archive = BinaryData.FromBytes(new byte[archiveBytes]);
        var run = Guid.NewGuid().ToString("N")[..8];
        var clock = Stopwatch.StartNew();

        // The planner: reads what is due, then per batch (a hundred rows or one) claims it, sends the message and removes it.
        var read = new List<TableEntity>();
        await foreach (var row in ceiling._due.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey le {minute}"), cancellationToken: cancellationToken))
            read.Add(row);
        await Parallel.ForEachAsync(read.Chunk(signedUp ? BatchSize : 1), new ParallelOptions { MaxDegreeOfParallelism = SubscribersInFlight, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            await ceiling._due.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                new TableEntity(r.PartitionKey, r.RowKey) { ["PlannedAt"] = DateTimeOffset.UtcNow }, r.ETag)), ct);
            await ceiling._queue.SendMessageAsync(string.Join(',', batch.Select(r => r.GetString("Entries"))), ct);
            await ceiling._due.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), ct);
        });

        // The listener: 16 messages at a time, each batch's subscribers 8 at a time.
        var themeCursor = 0;
        var summaryCursor = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, batches.Count), new ParallelOptions { MaxDegreeOfParallelism = BatchesInFlight, CancellationToken = cancellationToken }, async (b, ct) =>
        {
            var received = (await ceiling._queue.ReceiveMessagesAsync(1, cancellationToken: ct)).Value;
            await Parallel.ForEachAsync(batches[b].Select((id, k) => (Id: id, Index: b * BatchSize + k)), new ParallelOptions { MaxDegreeOfParallelism = SubscribersInFlight, CancellationToken = ct },
                async (digest, ct2) =>
                {
                    for (var r = 0; r < Share(mix.SubscriberReads, digest.Index); r++)
                        await ceiling._subscribers.GetEntityAsync<TableEntity>(digest.Id, "subscriber", cancellationToken: ct2);
                    for (var q = 0; q < Share(mix.DeliveryQueries, digest.Index); q++)
                    {
                        await foreach (var _ in ceiling._deliveries.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {digest.Id}"), cancellationToken: ct2))
                        {
                        }
                    }
                });
            await ceiling.PlaceAsync(Minute(due.AddDays(1)), batches[b], ct);
            for (var q = 0; q < Share(mix.ThemeQueriesPerBatch, b); q++)
            {
                var theme = themeIds[Interlocked.Increment(ref themeCursor) % themeIds.Count];
                await foreach (var _ in ceiling._themeIndex.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {theme}"), maxPerPage: mix.ThemePageSize, cancellationToken: ct).AsPages())
                    break;
            }

            for (var r = 0; r < Share(mix.SummaryReadsPerBatch, b); r++)
                await ceiling._summaries.GetBlobClient(summaryBlobs[Interlocked.Increment(ref summaryCursor) % summaryBlobs.Count]).DownloadContentAsync(ct);
            await Parallel.ForEachAsync(batches[b].Select((id, k) => (Id: id, Index: b * BatchSize + k)), new ParallelOptions { MaxDegreeOfParallelism = SubscribersInFlight, CancellationToken = ct },
                async (digest, ct2) =>
                {
                    var period = $"{run}-period";
                    for (var c = 0; c < Share(mix.Claims, digest.Index); c++)
                        await ceiling._deliveries.AddEntityAsync(Delivery(digest.Id, $"{period}-{c}", due, "Claimed"), ct2);
                    for (var u = 0; u < Share(mix.Uploads, digest.Index); u++)
                        await ceiling._archive.GetBlobClient($"{digest.Id}/{period}.html").UploadAsync(archive, overwrite: true, ct2);
                    for (var t = 0; t < Share(mix.Completions, digest.Index); t++)
                    {
                        await ceiling._deliveries.SubmitTransactionAsync(
                            [
                                new TableTransactionAction(TableTransactionActionType.UpsertReplace, Delivery(digest.Id, period, due, "Sent")),
                                new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                                    new TableEntity(digest.Id, "progress") { ["SubscriberId"] = digest.Id, ["DeliveredUpTo"] = due, ["BounceCount"] = 0 }),
                            ], ct2);
                    }
                });
            if (received.Length > 0)
                await ceiling._queue.DeleteMessageAsync(received[0].MessageId, received[0].PopReceipt, ct);
        });
        return (clock.Elapsed, counter.Snapshot());
    }

    /// <summary>A batch's due entries in one minute's partition, one row, as its handler places them.</summary>
    private Task PlaceAsync(string minute, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        _due.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.UpsertReplace, Bundle(minute, ids[0], ids))], cancellationToken);

    /// <summary>A due index row with entries packed as <c>DueBundleEntity</c> packs them, so that Azurite stores as much.</summary>
    private static TableEntity Bundle(string minute, string key, IEnumerable<string> ids) => new(minute, key)
    {
        ["Entries"] = "[" + string.Join(',', ids.Select(id => $$"""{"s":"{{id}}","d":"{{DateTimeOffset.UtcNow:O}}","c":"0 7 * * *","z":"UTC"}""")) + "]",
        ["PlannedAt"] = null,
    };

    /// <summary>A Deliveries row with the properties the ledger writes (<c>DeliveryEntity</c>), so that Azurite stores as much.</summary>
    private static TableEntity Delivery(string subscriberId, string rowKey, DateTimeOffset period, string state) => new(subscriberId, rowKey)
    {
        ["SubscriberId"] = subscriberId, ["Period"] = period, ["State"] = state, ["ClaimedAt"] = period, ["ContentAfter"] = period.AddDays(-8),
        ["ContentUpTo"] = period, ["MessageId"] = $"digest-{subscriberId}-{period.UtcDateTime:yyyyMMddTHHmmZ}@digestpipeline.localhost",
        ["CompletedAt"] = state == "Claimed" ? null : period, ["ItemCount"] = state == "Claimed" ? 0 : 12,
    };

    /// <summary>The due index's partition key (the seeded subscribers' ids are hex: no key encoding needed).</summary>
    private static string Minute(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Batch <paramref name="batch"/>'s whole share of a per-batch mean, spread so that the total matches.</summary>
    private static int Share(double perBatch, int batch) => (int)Math.Floor(perBatch * (batch + 1)) - (int)Math.Floor(perBatch * batch);
}

/// <summary>The host's storage requests per planned digest, and per batch for what a batch shares.</summary>
internal sealed record DigestRequestMix(
    double SubscriberReads, double DeliveryQueries, double Claims, double Uploads, double Completions,
    double ThemeQueriesPerBatch, double SummaryReadsPerBatch, int ThemePageSize)
{
    /// <summary>From the host's counted requests: each transaction not a planner's or the due index's is a completion (three of those per batch).</summary>
    public static DigestRequestMix From(IReadOnlyDictionary<string, int> requests, int planned, int batchSize, int themePageSize)
    {
        var batches = Math.Ceiling(planned / (double)batchSize);
        double PerDigest(string kind) => requests.GetValueOrDefault(kind) / (double)planned;
        return new DigestRequestMix(
            PerDigest("table point read Subscribers"), PerDigest("table query Deliveries"), PerDigest("table insert Deliveries"), PerDigest("blob upload"),
            (requests.GetValueOrDefault("table batch") - 3 * batches) / planned,
            requests.GetValueOrDefault("table query ThemeIndex") / batches, requests.GetValueOrDefault("blob download") / batches, themePageSize);
    }
}
