using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// The DigestsDue table (<see cref="DueEntryEntity"/>). Writes go a partition (a due minute) at a time, at most 100
/// rows per entity-group transaction: the subscribers of one schedule move on together in one request per hundred.
/// </summary>
public sealed class TableDueIndex(TableServiceClient tables, ILogger<TableDueIndex> logger) : IDueIndex
{
    /// <summary>The most operations one entity-group transaction may hold.</summary>
    private const int TransactionLimit = 100;

    private readonly TableClient _due = tables.GetTableClient(StorageNames.DueTable);

    public Task PlaceAsync(IReadOnlyCollection<DueEntry> entries, CancellationToken cancellationToken) =>
        Task.WhenAll(Groups(entries).Select(group => _due.SubmitTransactionAsync(
            group.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, DueEntryEntity.From(e with { PlannedAt = null, ETag = null }))),
            cancellationToken)));

    public async IAsyncEnumerable<DueEntry> ReadDueAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {DueEntryEntity.Minute(now)}");
        await foreach (var row in _due.QueryAsync<DueEntryEntity>(filter, cancellationToken: cancellationToken))
        {
            // The partition is the minute: an entry due later within the current minute waits for the next run.
            if (row.Due <= now)
                yield return row.ToEntry();
        }
    }

    public async Task<IReadOnlyList<DueEntry>> ClaimAsync(IReadOnlyList<DueEntry> entries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimed = new List<DueEntry>(entries.Count);
        foreach (var group in Groups(entries))
        {
            var marked = group.Select(e => e with { PlannedAt = now }).ToList();
            try
            {
                var responses = await _due.SubmitTransactionAsync(
                    marked.Select(e => new TableTransactionAction(TableTransactionActionType.UpdateReplace, DueEntryEntity.From(e), new ETag(e.ETag!))),
                    cancellationToken);
                claimed.AddRange(marked.Select((e, i) => e with { ETag = responses.Value[i].Headers.ETag?.ToString() }));
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
            {
                // Another planner claimed (or removed) part of this group since it was read: the group is theirs.
                logger.LogInformation("{Count} due entries at {Minute} were planned by another run", group.Count, DueEntryEntity.Minute(group[0].Due));
            }
        }

        return claimed;
    }

    public async Task RemoveAsync(IReadOnlyCollection<DueEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var group in Groups(entries))
        {
            try
            {
                await _due.SubmitTransactionAsync(
                    group.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, DueEntryEntity.From(e), ETag.All)), cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                // One was removed already (a claim planned again after its timeout): the others one by one.
                foreach (var entry in group)
                {
                    var row = DueEntryEntity.From(entry);
                    await _due.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                }
            }
        }
    }

    public async IAsyncEnumerable<DueEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _due.QueryAsync<DueEntryEntity>(cancellationToken: cancellationToken))
            yield return row.ToEntry();
    }

    /// <summary>The entries by partition, at most a transaction's worth per group; one subscriber's entry once per group.</summary>
    private static IEnumerable<IReadOnlyList<DueEntry>> Groups(IEnumerable<DueEntry> entries) =>
        entries.GroupBy(e => DueEntryEntity.Minute(e.Due), StringComparer.Ordinal)
            .SelectMany(partition => partition.DistinctBy(e => e.SubscriberId, StringComparer.Ordinal).Chunk(TransactionLimit));
}
