using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// The Deliveries table: a create-only claim per (subscriber, period), taken over only by ETag, and the subscriber's
/// progress in the same partition, written with the final delivery row in one transaction.
/// </summary>
public sealed class TableDeliveryLedger(TableServiceClient tables, ILogger<TableDeliveryLedger> logger) : IDeliveryLedger
{
    private readonly TableClient _deliveries = tables.GetTableClient(StorageNames.DeliveriesTable);
    private readonly TableClient _subscribers = tables.GetTableClient(StorageNames.SubscribersTable);

    /// <summary>
    /// The progress row; for a subscriber without one yet, the marks that rows written before it had in the
    /// Subscribers table (<see cref="SubscriberEntity.LastDigestUpTo"/>, <see cref="SubscriberEntity.BounceCount"/>),
    /// which its first completed delivery carries over.
    /// </summary>
    public async Task<DeliveryProgress> GetProgressAsync(string subscriberId, CancellationToken cancellationToken)
    {
        var row = await _deliveries.GetEntityIfExistsAsync<DeliveryProgressEntity>(TableKey.Encode(subscriberId), DeliveryProgressEntity.Row, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ToProgress() : await CarriedOverProgressAsync(subscriberId, cancellationToken);
    }

    /// <summary>The marks a Subscribers row written before the progress row existed holds; none when it holds none.</summary>
    private async Task<DeliveryProgress> CarriedOverProgressAsync(string subscriberId, CancellationToken cancellationToken)
    {
        var subscriber = await _subscribers.GetEntityIfExistsAsync<SubscriberEntity>(TableKey.Encode(subscriberId), SubscriberEntity.Row,
            [nameof(SubscriberEntity.LastDigestUpTo), nameof(SubscriberEntity.BounceCount)], cancellationToken);
        return subscriber.HasValue
            ? new DeliveryProgress(subscriberId, subscriber.Value!.LastDigestUpTo, subscriber.Value.BounceCount)
            : new DeliveryProgress(subscriberId);
    }

    public async Task<DeliveryClaimResult> ClaimAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var row = DeliveryEntity.From(delivery with { State = DeliveryState.Claimed, ETag = null });
        try
        {
            var response = await _deliveries.AddEntityAsync(row, cancellationToken);
            return new DeliveryClaimResult(true, delivery with { State = DeliveryState.Claimed, ETag = response.Headers.ETag?.ToString() });
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The row exists: someone claimed this delivery before. That is the answer, not an error.
            var existing = await _deliveries.GetEntityAsync<DeliveryEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            logger.LogDebug("Delivery {DeliveryId} already claimed ({State})", delivery.Id, existing.Value.State);
            return new DeliveryClaimResult(false, existing.Value.ToDelivery());
        }
    }

    public async Task<bool> TakeOverAsync(Delivery stale, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (stale.ETag is null)
            throw new ArgumentException("A delivery is taken over by the ETag it was read with; this one has none.", nameof(stale));

        var row = DeliveryEntity.From(stale with { State = DeliveryState.Claimed, ClaimedAt = now });
        try
        {
            await _deliveries.UpdateEntityAsync(row, new ETag(stale.ETag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            logger.LogInformation("Delivery {DeliveryId} changed since it was read; another worker took it over", stale.Id);
            return false;
        }
    }

    public async Task ReleaseAsync(Delivery released, CancellationToken cancellationToken)
    {
        var row = DeliveryEntity.From(released with { ETag = null });
        await _deliveries.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<DeliveryProgress> CompleteAsync(DeliveryOutcome outcome, DeliveryProgress? lastRead, CancellationToken cancellationToken)
    {
        var delivery = DeliveryEntity.From(outcome.Delivery with { ETag = null });
        for (var attempt = 1; ; attempt++)
        {
            // The progress as read at the claim saves a read; the transaction's condition catches it being stale.
            var stored = attempt == 1 && lastRead is not null ? lastRead : await GetProgressAsync(outcome.Delivery.SubscriberId, cancellationToken);
            var changed = outcome.Progress(stored);
            var progress = DeliveryProgressEntity.From(changed);
            TableTransactionAction[] transaction =
            [
                new(TableTransactionActionType.UpsertReplace, delivery),
                stored.ETag is null
                    ? new(TableTransactionActionType.Add, progress)
                    : new(TableTransactionActionType.UpdateReplace, progress, new ETag(stored.ETag)),
            ];
            try
            {
                var response = await _deliveries.SubmitTransactionAsync(transaction, cancellationToken);
                return changed with { ETag = response.Value[1].Headers.ETag?.ToString() };
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another delivery of this subscriber changed its progress first (409: created it; 412: changed it):
                // nothing of this transaction was written; read it again and apply the change again.
                logger.LogDebug("Progress of subscriber {SubscriberId} changed concurrently (HTTP {Status}); attempt {Attempt} again", outcome.Delivery.SubscriberId, e.Status, attempt + 1);
            }
        }
    }

    /// <summary>One query within the subscriber's partition: the progress row and the claimed rows before the period.</summary>
    public async Task<DeliveryHistory> ReadAsync(string subscriberId, DateTimeOffset period, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKey.Encode(subscriberId)} and ((RowKey lt {DeliveryEntity.PeriodKey(period)} and State eq {nameof(DeliveryState.Claimed)}) or RowKey eq {DeliveryProgressEntity.Row})");
        DeliveryProgress? progress = null;
        var claimed = new List<Delivery>();
        await foreach (var row in _deliveries.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey == DeliveryProgressEntity.Row)
                progress = DeliveryProgressEntity.From(row).ToProgress();
            else
                claimed.Add(DeliveryEntity.From(row).ToDelivery());
        }

        return new DeliveryHistory(progress ?? await CarriedOverProgressAsync(subscriberId, cancellationToken), claimed);
    }

    public async IAsyncEnumerable<Delivery> ListForSubscriberAsync(string subscriberId, int count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rows = new List<DeliveryEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(subscriberId)} and RowKey ne {DeliveryProgressEntity.Row}");
        await foreach (var row in _deliveries.QueryAsync<DeliveryEntity>(filter, cancellationToken: cancellationToken))
            rows.Add(row);
        // Row keys are periods written yyyyMMddTHHmmZ: in the partition's order, the newest last.
        for (var i = rows.Count - 1; i >= Math.Max(0, rows.Count - count); i--)
            yield return rows[i].ToDelivery();
    }

    /// <summary>The latest <paramref name="count"/> deliveries by claim time. Reads the whole table: for status pages, not hot paths.</summary>
    public async IAsyncEnumerable<Delivery> ListRecentAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var latest = new PriorityQueue<DeliveryEntity, DateTimeOffset>();
        await foreach (var row in _deliveries.QueryAsync<DeliveryEntity>($"RowKey ne '{DeliveryProgressEntity.Row}'", cancellationToken: cancellationToken))
        {
            latest.Enqueue(row, row.ClaimedAt);
            if (latest.Count > count)
                latest.Dequeue();
        }

        var rows = new List<DeliveryEntity>(latest.Count);
        while (latest.TryDequeue(out var row, out _))
            rows.Add(row);
        for (var i = rows.Count - 1; i >= 0; i--)
            yield return rows[i].ToDelivery();
    }
}
