using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Summaries;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// The ThemeIndex table: theme → documents summarized on it, by the time a (theme, document) pair was first
/// indexed. Indexing it again, even from a later re-summarization, keeps that first time, so the pair falls in
/// exactly one digest window and no subscriber receives the same document on the same theme twice. Time rows are keyed
/// newest first (<see cref="ThemeIndexEntity"/>); those of the ascending keys of before are rewritten to them
/// (<see cref="ThemeIndexKeyUpgrade"/>) before a theme's time rows are first read or removed.
/// </summary>
public sealed class TableThemeIndex : IThemeIndex
{
    /// <summary>
    /// Rows per query request. A digest shows <see cref="Core.Digests.DigestOptions.MaxItemsPerTheme"/> (5 by default) items per
    /// theme, and a batch's subscribers mostly want the same newest ones: a page this size is usually all a batch reads
    /// of a theme, with room for entries skipped (summaries missing, the same document twice, windows ending a few
    /// seconds apart), while a long window read to its end costs one request per 20 rows.
    /// </summary>
    public const int PageSize = 20;

    private readonly TableClient _index;
    private readonly ThemeIndexKeyUpgrade _upgrade;

    public TableThemeIndex(TableServiceClient tables, ILogger<TableThemeIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _index = tables.GetTableClient(StorageNames.ThemeIndexTable);
        _upgrade = new ThemeIndexKeyUpgrade(_index, logger);
    }

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
            // An ascending time row of before, left where it is, would bring the document back once rewritten.
            await _upgrade.UpgradeAsync(theme, cancellationToken);
            var first = ThemeIndexEntity.FirstIndexed(theme, summaries.DocumentId, summaries.SummarizedAt);
            var stored = await _index.GetEntityIfExistsAsync<ThemeIndexEntity>(first.PartitionKey, first.RowKey, cancellationToken: cancellationToken);
            if (!stored.HasValue)
                return;
            var entry = ThemeIndexEntity.For(theme, summaries.DocumentId, stored.Value!.IndexedAt);
            await _index.DeleteEntityAsync(entry.PartitionKey, entry.RowKey, ETag.All, cancellationToken);
        }));
    }

    /// <summary>
    /// Newest first, read page by page (<see cref="PageSize"/> rows): a caller that stops early sends no further request.
    /// Entries indexed at the same tick come in descending document id, the exact reverse of oldest first, so that a
    /// digest keeping the newest few keeps the same ones as when it read the window oldest first from its end.
    /// </summary>
    public async IAsyncEnumerable<ThemeIndexEntry> QueryAsync(
        string themeId, DateTimeOffset after, DateTimeOffset upTo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (upTo <= after)
            yield break;

        await _upgrade.UpgradeAsync(themeId, cancellationToken);
        // (after, upTo] newest first: from the key of upTo's tick up to, not including, the key of after's tick.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKey.Encode(themeId)} and RowKey ge {ThemeIndexEntity.TimeKey(upTo.UtcTicks)} and RowKey lt {ThemeIndexEntity.TimeKey(after.UtcTicks)}");
        // Rows of one tick come in ascending document id (the RowKey's order); they are held until the tick ends and
        // given back reversed. The entry's time is the one its RowKey holds, to the tick, so that a caller cutting a
        // narrower window out of this range in memory (a digest batch) gets exactly what this filter would return for it.
        var sameTick = new List<ThemeIndexEntry>();
        await using var rows = _index.QueryAsync<ThemeIndexEntity>(filter, maxPerPage: PageSize, cancellationToken: cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            var next = await rows.MoveNextAsync() ? new ThemeIndexEntry(rows.Current.ThemeId, rows.Current.DocumentId, ThemeIndexEntity.TimeOf(rows.Current.RowKey)) : null;
            if (sameTick.Count > 0 && next?.IndexedAt != sameTick[0].IndexedAt)
            {
                for (var i = sameTick.Count - 1; i >= 0; i--)
                    yield return sameTick[i];
                sameTick.Clear();
            }

            if (next is null)
                yield break;
            sameTick.Add(next);
        }
    }
}
