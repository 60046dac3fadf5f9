using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// The ThemeIndex table: theme → documents summarized on it, by the time a (theme, document) pair was first
/// indexed. Indexing it again, even from a later re-summarization, keeps that first time, so the pair falls in
/// exactly one digest window and no subscriber receives the same document on the same theme twice.
/// </summary>
public sealed class TableThemeIndex(TableServiceClient tables) : IThemeIndex
{
    private readonly TableClient _index = tables.GetTableClient(StorageNames.ThemeIndexTable);

    public async Task AddAsync(DocumentSummaries summaries, CancellationToken cancellationToken)
    {
        var themes = summaries.Themes.Select(t => t.ThemeId).Distinct(StringComparer.Ordinal);
        await Task.WhenAll(themes.Select(theme => IndexAsync(theme, summaries.DocumentId, summaries.SummarizedAt, cancellationToken)));
    }

    /// <summary>
    /// The pair's first-indexed row is created first (create-only), then the time row is written at the time it
    /// holds: a retry or a re-summarization rewrites the same time row, never a second one. A crash between the two
    /// writes leaves the pair unseen until the retry writes its time row; it may then miss a digest window that
    /// closed meanwhile, which is the price of never sending it twice.
    /// </summary>
    private async Task IndexAsync(string themeId, string documentId, DateTimeOffset indexedAt, CancellationToken cancellationToken)
    {
        var first = ThemeIndexEntity.FirstIndexed(themeId, documentId, indexedAt);
        try
        {
            await _index.AddEntityAsync(first, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            first = (await _index.GetEntityAsync<ThemeIndexEntity>(first.PartitionKey, first.RowKey, cancellationToken: cancellationToken)).Value;
        }

        await _index.UpsertEntityAsync(ThemeIndexEntity.For(themeId, documentId, first.IndexedAt), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RemoveAsync(DocumentSummaries summaries, CancellationToken cancellationToken)
    {
        var themes = summaries.Themes.Select(t => t.ThemeId).Distinct(StringComparer.Ordinal);
        await Task.WhenAll(themes.Select(async theme =>
        {
            var first = ThemeIndexEntity.FirstIndexed(theme, summaries.DocumentId, summaries.SummarizedAt);
            var stored = await _index.GetEntityIfExistsAsync<ThemeIndexEntity>(first.PartitionKey, first.RowKey, cancellationToken: cancellationToken);
            if (!stored.HasValue)
                return;
            var entry = ThemeIndexEntity.For(theme, summaries.DocumentId, stored.Value!.IndexedAt);
            await _index.DeleteEntityAsync(entry.PartitionKey, entry.RowKey, ETag.All, cancellationToken);
        }));
    }

    public async IAsyncEnumerable<ThemeIndexEntry> QueryAsync(
        string themeId, DateTimeOffset after, DateTimeOffset upTo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (upTo <= after)
            yield break;

        // (after, upTo]: RowKeys from the tick after `after` up to, not including, the tick after `upTo`.
        var from = ThemeIndexEntity.TimeKey(after.UtcTicks + 1);
        var to = ThemeIndexEntity.TimeKey(upTo.UtcTicks + 1);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKey.Encode(themeId)} and RowKey ge {from} and RowKey lt {to}");
        // The entry's time is the one its RowKey holds, to the tick, so that a caller cutting a narrower window out of
        // this range in memory (a digest batch) gets exactly what this filter would have returned for it.
        await foreach (var row in _index.QueryAsync<ThemeIndexEntity>(filter, cancellationToken: cancellationToken))
            yield return new ThemeIndexEntry(row.ThemeId, row.DocumentId, new DateTimeOffset(ThemeIndexEntity.TicksOf(row.RowKey), TimeSpan.Zero));
    }
}
