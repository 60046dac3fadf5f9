using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Azure.Storage;

/// <summary>The ThemeIndex table: theme → documents summarized on it, by <see cref="DocumentSummaries.SummarizedAt"/>.</summary>
public sealed class TableThemeIndex(TableServiceClient tables) : IThemeIndex
{
    private readonly TableClient index = tables.GetTableClient(StorageNames.ThemeIndexTable);

    public async Task AddAsync(DocumentSummaries summaries, CancellationToken cancellationToken)
    {
        // One partition per theme, so one upsert per theme; the same summaries always give the same rows.
        var rows = summaries.Themes
            .Select(t => t.ThemeId)
            .Distinct(StringComparer.Ordinal)
            .Select(theme => ThemeIndexEntity.For(theme, summaries.DocumentId, summaries.SummarizedAt));
        await Task.WhenAll(rows.Select(row => index.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken)));
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
        await foreach (var row in index.QueryAsync<ThemeIndexEntity>(filter, cancellationToken: cancellationToken))
            yield return new ThemeIndexEntry(row.ThemeId, row.DocumentId, row.IndexedAt);
    }
}
