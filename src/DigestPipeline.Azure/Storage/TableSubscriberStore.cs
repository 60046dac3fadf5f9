using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// The Subscribers table. Every write is an ETag-conditional read-modify-write; the delivery marks of rows written
/// before they moved to the Deliveries table are kept as they are, for the ledger to carry over. A write that makes a
/// subscriber due on a new schedule places them in the due index after it (<see cref="DueEntry.Moves"/>): a crash in
/// between is mended by the repair pass.
/// </summary>
public sealed class TableSubscriberStore(TableServiceClient tables, IDueIndex due, TimeProvider time, ILogger<TableSubscriberStore> logger) : ISubscriberStore
{
    private readonly TableClient _subscribers = tables.GetTableClient(StorageNames.SubscribersTable);
    private readonly TableClient _deliveries = tables.GetTableClient(StorageNames.DeliveriesTable);

    public Task UpsertAsync(Subscriber subscriber, CancellationToken cancellationToken) =>
        UpdateAsync(subscriber.Id, stored =>
        {
            var row = SubscriberEntity.From(subscriber);
            if (stored is not null)
            {
                row.LastDigestUpTo = stored.LastDigestUpTo;
                row.BounceCount = stored.BounceCount;
            }

            return row;
        }, cancellationToken);

    public async Task<Subscriber?> GetAsync(string subscriberId, CancellationToken cancellationToken)
    {
        var row = await Read(subscriberId, cancellationToken);
        return row?.ToSubscriber();
    }

    public async IAsyncEnumerable<Subscriber> ListActiveAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"State eq {nameof(SubscriberState.Active)}");
        await foreach (var row in _subscribers.QueryAsync<SubscriberEntity>(filter, cancellationToken: cancellationToken))
            yield return row.ToSubscriber();
    }

    public async IAsyncEnumerable<Subscriber> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _subscribers.QueryAsync<SubscriberEntity>(cancellationToken: cancellationToken))
            yield return row.ToSubscriber();
    }

    public async Task<Subscriber?> ChangeSettingsAsync(
        string subscriberId, Func<Subscriber, Subscriber?> change, CancellationToken cancellationToken)
    {
        SubscriberEntity? result = null;
        await UpdateAsync(subscriberId, stored =>
        {
            result = stored;
            if (stored is null || change(stored.ToSubscriber()) is not { } changed)
                return null;
            var row = SubscriberEntity.From(stored.ToSubscriber() with
            {
                State = changed.State, DisplayName = changed.DisplayName, Themes = changed.Themes, Language = changed.Language, AlsoReads = changed.AlsoReads,
                Schedule = changed.Schedule, TimeZone = changed.TimeZone,
            });
            row.LastDigestUpTo = stored.LastDigestUpTo;
            row.BounceCount = stored.BounceCount;
            return result = row;
        }, cancellationToken);
        return result?.ToSubscriber();
    }

    /// <param name="change">From the stored row (null when none), the row to write, or null to write nothing.</param>
    private async Task UpdateAsync(string subscriberId, Func<SubscriberEntity?, SubscriberEntity?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await Read(subscriberId, cancellationToken);
            var row = change(stored);
            if (row is null)
                return;
            try
            {
                if (stored is null)
                {
                    await _subscribers.AddEntityAsync(row, cancellationToken);
                    await StartProgressAsync(subscriberId, cancellationToken);
                }
                else
                    await _subscribers.UpdateEntityAsync(row, stored.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another writer got there first (409: created it; 412: changed it): read again and reapply.
                logger.LogDebug("Subscriber {SubscriberId} changed concurrently (HTTP {Status}); attempt {Attempt} again", subscriberId, e.Status, attempt + 1);
                continue;
            }

            var written = row.ToSubscriber();
            if (DueEntry.Moves(stored?.ToSubscriber(), written) && DueEntry.After(written, time.GetUtcNow()) is { } entry)
                await due.PlaceAsync([entry], cancellationToken);
            return;
        }
    }

    /// <summary>
    /// A new subscriber's progress row, empty: their first digest then finds it in the one partition query of their
    /// deliveries instead of also reading this table for marks kept from before the Deliveries table (which only
    /// older rows can have; <see cref="TableDeliveryLedger.GetProgressAsync"/>). One write per sign-up saves one read
    /// per first digest; a crash before it only costs that read.
    /// </summary>
    private async Task StartProgressAsync(string subscriberId, CancellationToken cancellationToken)
    {
        try
        {
            await _deliveries.AddEntityAsync(DeliveryProgressEntity.From(new DeliveryProgress(subscriberId)), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The subscriber was here before (removed, then signed up again): what they received stands.
        }
    }

    private async Task<SubscriberEntity?> Read(string subscriberId, CancellationToken cancellationToken)
    {
        var row = await _subscribers.GetEntityIfExistsAsync<SubscriberEntity>(
            TableKey.Encode(subscriberId), SubscriberEntity.Row, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }
}
