using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// The DigestsDue table, a row per <see cref="DueBundle"/> (<see cref="DueBundleEntity"/>). Claims and removals go a
/// partition (a due minute) at a time, at most 100 rows per entity-group transaction.
/// </summary>
public sealed class TableDueIndex(TableServiceClient tables, ILogger<TableDueIndex> logger) : IDueIndex
{
    /// <summary>The most operations one entity-group transaction may hold.</summary>
    private const int TransactionLimit = 100;

    private readonly TableClient _due = tables.GetTableClient(StorageNames.DueTable);

    public Task PlaceAsync(IReadOnlyCollection<DueEntry> entries, CancellationToken cancellationToken) =>
        Task.WhenAll(entries.GroupBy(e => DueBundleEntity.Minute(e.Due), StringComparer.Ordinal)
            .SelectMany(minute => Pack(minute.DistinctBy(e => e.SubscriberId, StringComparer.Ordinal).ToList()).Chunk(TransactionLimit))
            .Select(rows => _due.SubmitTransactionAsync(rows.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), cancellationToken)));

    public async IAsyncEnumerable<DueBundle> ReadDueAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {DueBundleEntity.Minute(now)}");
        await foreach (var row in _due.QueryAsync<DueBundleEntity>(filter, cancellationToken: cancellationToken))
        {
            var bundle = row.ToBundle();
            // The partition is the minute: a bundle due later within the current minute waits for the next run.
            if (bundle.Entries.Count > 0 && bundle.Due <= now)
                yield return bundle;
        }
    }

    public async Task<IReadOnlyList<DueBundle>> ClaimAsync(IReadOnlyList<DueBundle> bundles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimed = new List<DueBundle>(bundles.Count);
        foreach (var group in Groups(bundles))
        {
            try
            {
                // A merge of the one property: the entries are not sent again.
                var responses = await _due.SubmitTransactionAsync(
                    group.Select(b => new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                        new TableEntity(Minute(b), b.Key) { [nameof(DueBundleEntity.PlannedAt)] = now }, new ETag(b.ETag!))),
                    cancellationToken);
                claimed.AddRange(group.Select((b, i) => b with { PlannedAt = now, ETag = responses.Value[i].Headers.ETag?.ToString() }));
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
            {
                // Another planner claimed (or removed) part of this group since it was read: the group is theirs.
                logger.LogInformation("{Count} due bundles at {Minute} were planned by another run", group.Count, Minute(group[0]));
            }
        }

        return claimed;
    }

    public async Task RemoveAsync(IReadOnlyCollection<DueBundle> bundles, CancellationToken cancellationToken)
    {
        foreach (var group in Groups(bundles))
        {
            try
            {
                await _due.SubmitTransactionAsync(
                    group.Select(b => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Minute(b), b.Key), ETag.All)), cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                // One was removed already (a claim planned again after its timeout): the others one by one.
                foreach (var bundle in group)
                    await _due.DeleteEntityAsync(Minute(bundle), bundle.Key, ETag.All, cancellationToken);
            }
        }
    }

    public async Task<int> CompactAsync(DateTimeOffset after, CancellationToken cancellationToken)
    {
        var partFilled = new Dictionary<string, List<DueBundle>>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey gt {DueBundleEntity.Minute(after)}");
        await foreach (var row in _due.QueryAsync<DueBundleEntity>(filter, cancellationToken: cancellationToken))
        {
            var bundle = row.ToBundle();
            if (bundle.Entries.Count is > 0 and < IDueIndex.BundleLimit && bundle.PlannedAt is null)
                (partFilled.TryGetValue(row.PartitionKey, out var list) ? list : partFilled[row.PartitionKey] = []).Add(bundle);
        }

        var gathered = 0;
        foreach (var bundles in partFilled.Values.Where(b => b.Count > 1))
        {
            var rows = Pack(bundles.SelectMany(b => b.Entries).DistinctBy(e => e.SubscriberId, StringComparer.Ordinal).ToList()).ToList();
            foreach (var chunk in rows.Chunk(TransactionLimit))
                await _due.SubmitTransactionAsync(chunk.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), cancellationToken);
            var written = rows.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
            // Each old row only as it was read: one placed again since (or rewritten above, same key) stays.
            foreach (var group in bundles.Where(b => !written.Contains(b.Key)).Chunk(TransactionLimit))
                gathered += await RemoveUnchangedAsync(group, cancellationToken);
        }

        return gathered;
    }

    /// <summary>Deletes the bundles of one partition that are as they were read; returns how many.</summary>
    private async Task<int> RemoveUnchangedAsync(DueBundle[] group, CancellationToken cancellationToken)
    {
        try
        {
            await _due.SubmitTransactionAsync(
                group.Select(b => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Minute(b), b.Key), new ETag(b.ETag!))), cancellationToken);
            return group.Length;
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
        {
            var removed = 0;
            foreach (var bundle in group)
            {
                try
                {
                    await _due.DeleteEntityAsync(Minute(bundle), bundle.Key, new ETag(bundle.ETag!), cancellationToken);
                    removed++;
                }
                catch (RequestFailedException inner) when (inner.Status is 404 or 412)
                {
                }
            }

            return removed;
        }
    }

    public async IAsyncEnumerable<DueEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _due.QueryAsync<DueBundleEntity>(cancellationToken: cancellationToken))
        {
            foreach (var entry in row.ToBundle().Entries)
                yield return entry;
        }
    }

    /// <summary>
    /// Rows of at most <see cref="IDueIndex.BundleLimit"/> entries for one minute's entries, split further when packed
    /// entries would not fit one property (long schedules or ids).
    /// </summary>
    private static IEnumerable<DueBundleEntity> Pack(IReadOnlyList<DueEntry> entries)
    {
        foreach (var chunk in entries.Chunk(IDueIndex.BundleLimit))
        {
            var row = DueBundleEntity.Pack(chunk);
            if (row.Entries.Length <= DueBundleEntity.MaxPackedLength || chunk.Length == 1)
            {
                yield return row;
                continue;
            }

            foreach (var half in Pack(chunk[..(chunk.Length / 2)]).Concat(Pack(chunk[(chunk.Length / 2)..])))
                yield return half;
        }
    }

    private static string Minute(DueBundle bundle) => DueBundleEntity.Minute(bundle.Entries[0].Due);

    /// <summary>The bundles by partition, at most a transaction's worth per group; one bundle once per group.</summary>
    private static IEnumerable<IReadOnlyList<DueBundle>> Groups(IEnumerable<DueBundle> bundles) =>
        bundles.GroupBy(Minute, StringComparer.Ordinal)
            .SelectMany(partition => partition.DistinctBy(b => b.Key, StringComparer.Ordinal).Chunk(TransactionLimit));
}
