using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// Rewrites the time rows of a theme still keyed oldest first (<c>{ticks:D19}_{docId}</c>, written before the keys were
/// inverted) to the newest-first key, so that an installation upgraded in place loses no entry: its local Azurite data,
/// or an account in Azure, whichever host runs the new version first. A theme is upgraded the first time this process
/// reads or removes its time rows, before it does: one query of the old key range per theme and process, which finds
/// nothing once the theme is upgraded. Each old row is written under the new key and deleted in one entity-group
/// transaction, so a crash leaves one of the two and never both nor neither; running it again, or in two processes at
/// once, rewrites the same rows. The one gap: rows that a process of the previous version writes after this process
/// upgraded their theme (both running during a deployment) are found by the next process to start.
/// </summary>
internal sealed class ThemeIndexKeyUpgrade(TableClient index, ILogger logger)
{
    /// <summary>Two actions per row, and a transaction holds at most 100.</summary>
    private const int RowsPerTransaction = 50;

    private readonly ConcurrentDictionary<string, bool> _upgraded = new(StringComparer.Ordinal);

    public async Task UpgradeAsync(string themeId, CancellationToken cancellationToken)
    {
        if (_upgraded.ContainsKey(themeId))
            return;

        var rewritten = 0;
        while (await AscendingRowsAsync(themeId, cancellationToken) is { Count: > 0 } rows)
        {
            var actions = rows.SelectMany(row => new[]
            {
                new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                    ThemeIndexEntity.For(row.ThemeId, row.DocumentId, ThemeIndexEntity.AscendingTimeOf(row.RowKey))),
                new TableTransactionAction(TableTransactionActionType.Delete, row, row.ETag),
            });
            try
            {
                await index.SubmitTransactionAsync(actions, cancellationToken);
                rewritten += rows.Count;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
            {
                // Another process upgrading the same theme deleted one of these rows first: read what is left again.
            }
        }

        if (rewritten > 0)
            logger.LogInformation("ThemeIndex: {Rows} time row(s) of theme {ThemeId} rewritten to newest-first keys", rewritten, themeId);
        _upgraded.TryAdd(themeId, true);
    }

    private async Task<IReadOnlyList<ThemeIndexEntity>> AscendingRowsAsync(string themeId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKey.Encode(themeId)} and RowKey ge {ThemeIndexEntity.AscendingKeysFrom} and RowKey lt {ThemeIndexEntity.AscendingKeysTo}");
        // The service may answer a page with no rows and a continuation (its time limit): only the last page says there are none.
        await foreach (var page in index.QueryAsync<ThemeIndexEntity>(filter, maxPerPage: RowsPerTransaction, cancellationToken: cancellationToken).AsPages())
        {
            if (page.Values.Count > 0)
                return page.Values;
        }

        return [];
    }
}
