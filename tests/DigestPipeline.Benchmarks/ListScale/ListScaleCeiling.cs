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
/// message and removal; the listener's receive and delete; per subscriber a Subscribers read, a Deliveries partition
/// query, a claim insert, an archive upload and a completion transaction; per batch the due-index transaction, and
/// the theme queries and summaries reads the host made per batch (taken from its counts). It writes to tables,
/// a container and a queue of its own, so the pipeline's rows are read, never changed.
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
        var blobOptions = new BlobClientOptions();
        var queueOptions = new QueueClientOptions();
        var tableOptions = new TableClientOptions();
        counter.Attach(blobOptions);
        counter.Attach(queueOptions);
        counter.Attach(tableOptions);
        var tables = new TableServiceClient(connectionString, tableOptions);
        var blobs = new BlobServiceClient(connectionString, blobOptions);
        _subscribers = tables.GetTableClient(StorageNames.SubscribersTable);
        _themeIndex = tables.GetTableClient(StorageNames.ThemeIndexTable);
        _deliveries = tables.GetTableClient("CeilingDeliveries");
        _due = tables.GetTableClient("CeilingDue");
        _archive = blobs.GetBlobContainerClient("ceiling-digests");
        _summaries = blobs.GetBlobContainerClient(StorageNames.SummariesContainer);
        _queue = new QueueServiceClient(connectionString, queueOptions).GetQueueClient("ceiling-digest");
    }

    /// <param name="subscriberIds">The seeded subscribers, whose rows are read.</param>
    /// <param name="themeIds">Theme partitions to query, in turn.</param>
    /// <param name="summaryBlobs">Summaries blobs to read, in turn.</param>
    /// <returns>How long the requests took, and what they were.</returns>
    public static async Task<(TimeSpan Elapsed, IReadOnlyDictionary<string, int> Requests)> RunAsync(
        string connectionString, IReadOnlyList<string> subscriberIds, IReadOnlyList<string> themeIds, IReadOnlyList<string> summaryBlobs,
        double themeQueriesPerBatch, double summaryReadsPerBatch, int themePageSize, int archiveBytes, CancellationToken cancellationToken)
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
        await ceiling.PlaceAsync(minute, subscriberIds, cancellationToken);
        counter.Reset();
        var archive = BinaryData.FromBytes(new byte[archiveBytes]);
        var clock = Stopwatch.StartNew();

        // The planner: reads what is due, then per batch claims it, sends the message and removes it.
        var read = new List<TableEntity>();
        await foreach (var row in ceiling._due.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey le {minute}"), cancellationToken: cancellationToken))
            read.Add(row);
        await Parallel.ForEachAsync(read.Chunk(BatchSize), new ParallelOptions { MaxDegreeOfParallelism = SubscribersInFlight, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            await ceiling._due.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateMerge, r, r.ETag)), ct);
            await ceiling._queue.SendMessageAsync(string.Join(',', batch.Select(r => r.RowKey)), ct);
            await ceiling._due.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), ct);
        });

        // The listener: 16 messages at a time, each batch's subscribers 8 at a time.
        var themeCursor = 0;
        var summaryCursor = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, batches.Count), new ParallelOptions { MaxDegreeOfParallelism = BatchesInFlight, CancellationToken = cancellationToken }, async (b, ct) =>
        {
            var received = (await ceiling._queue.ReceiveMessagesAsync(1, cancellationToken: ct)).Value;
            await Parallel.ForEachAsync(batches[b], new ParallelOptions { MaxDegreeOfParallelism = SubscribersInFlight, CancellationToken = ct },
                async (id, ct2) =>
                {
                    await ceiling._subscribers.GetEntityAsync<TableEntity>(id, "subscriber", cancellationToken: ct2);
                    await foreach (var _ in ceiling._deliveries.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: ct2))
                    {
                    }
                });
            await ceiling.PlaceAsync(Minute(due.AddDays(1)), batches[b], ct);
            for (var q = 0; q < Share(themeQueriesPerBatch, b); q++)
            {
                var theme = themeIds[Interlocked.Increment(ref themeCursor) % themeIds.Count];
                await foreach (var _ in ceiling._themeIndex.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {theme}"), maxPerPage: themePageSize, cancellationToken: ct).AsPages())
                    break;
            }

            for (var s = 0; s < Share(summaryReadsPerBatch, b); s++)
                await ceiling._summaries.GetBlobClient(summaryBlobs[Interlocked.Increment(ref summaryCursor) % summaryBlobs.Count]).DownloadContentAsync(ct);
            await Parallel.ForEachAsync(batches[b], new ParallelOptions { MaxDegreeOfParallelism = SubscribersInFlight, CancellationToken = ct },
                async (id, ct2) =>
                {
                    var claim = new TableEntity(id, "period") { ["State"] = "Claimed" };
                    await ceiling._deliveries.AddEntityAsync(claim, ct2);
                    await ceiling._archive.GetBlobClient($"{id}/period.html").UploadAsync(archive, overwrite: true, ct2);
                    await ceiling._deliveries.SubmitTransactionAsync(
                        [
                            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(id, "period") { ["State"] = "Sent" }),
                            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(id, "progress") { ["DeliveredUpTo"] = due }),
                        ], ct2);
                });
            if (received.Length > 0)
                await ceiling._queue.DeleteMessageAsync(received[0].MessageId, received[0].PopReceipt, ct);
        });
        return (clock.Elapsed, counter.Snapshot());
    }

    /// <summary>Due entries for <paramref name="ids"/> in one minute's partition, 100 per transaction.</summary>
    private Task PlaceAsync(string minute, IEnumerable<string> ids, CancellationToken cancellationToken) =>
        Task.WhenAll(ids.Chunk(BatchSize).Select(chunk => _due.SubmitTransactionAsync(
            chunk.Select(id => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(minute, id) { ["SubscriberId"] = id, ["Schedule"] = "0 7 * * *", ["TimeZone"] = "UTC" })),
            cancellationToken)));

    /// <summary>The due index's partition key (the seeded subscribers' ids are hex: no key encoding needed).</summary>
    private static string Minute(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Batch <paramref name="batch"/>'s whole share of a per-batch mean, spread so that the total matches.</summary>
    private static int Share(double perBatch, int batch) => (int)Math.Floor(perBatch * (batch + 1)) - (int)Math.Floor(perBatch * batch);
}
