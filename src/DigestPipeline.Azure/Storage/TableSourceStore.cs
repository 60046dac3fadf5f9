using Azure;
using Azure.Data.Tables;
using DigestPipeline.Core.Sources;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// The Sources table: partition <c>source</c> holds one row per declared feed (RowKey its id) with its polling state;
/// partition <c>item</c> one row per item met (RowKey the hash of its identity, so the same item in two feeds is one
/// row), with the hash of what the feed said of it and the last error fetching it.
/// </summary>
public sealed class TableSourceStore(TableServiceClient tables) : ISourceStore
{
    private const string SourcePartition = "source";
    private const string ItemPartition = "item";

    private readonly TableClient _table = tables.GetTableClient(StorageNames.SourcesTable);

    public async Task<FeedSource> AddAsync(FeedSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            await _table.AddEntityAsync(ToEntity(source), cancellationToken);
            return source;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var stored = await _table.GetEntityAsync<TableEntity>(SourcePartition, source.Id, cancellationToken: cancellationToken);
            return ToSource(stored.Value);
        }
    }

    public async Task<IReadOnlyList<FeedSource>> ListAsync(CancellationToken cancellationToken)
    {
        var sources = new List<FeedSource>();
        await foreach (var row in _table.QueryAsync<TableEntity>(r => r.PartitionKey == SourcePartition, cancellationToken: cancellationToken))
            sources.Add(ToSource(row));
        return sources;
    }

    /// <summary>Updated only if still there (<c>If-Match: *</c>): a source removed while it was being polled stays removed.</summary>
    public async Task SaveStateAsync(FeedSource source, CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpdateEntityAsync(ToEntity(source), ETag.All, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Removed meanwhile.
        }
    }

    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(SourcePartition, TableKey.Encode(id), ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public async Task<SourceItem?> GetItemAsync(string hash, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(ItemPartition, TableKey.Encode(hash), cancellationToken: cancellationToken);
        return row.HasValue ? ToItem(row.Value!) : null;
    }

    public Task SaveItemAsync(SourceItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var row = new TableEntity(ItemPartition, TableKey.Encode(item.Hash))
        {
            ["Identity"] = item.Identity,
            ["SourceId"] = item.SourceId,
            ["Link"] = item.Link?.AbsoluteUri,
            ["Title"] = item.Title,
            ["FeedHash"] = item.FeedHash,
            ["BlobName"] = item.BlobName,
            ["UpdatedAt"] = item.UpdatedAt,
            ["Error"] = item.Error,
            ["HasError"] = item.Error is not null,
            ["FromFeedContent"] = item.FromFeedContent,
            ["Attempts"] = item.Attempts,
        };
        return _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<SourceItem>> ListFailedItemsAsync(int max, CancellationToken cancellationToken)
    {
        var items = new List<SourceItem>();
        await foreach (var row in _table.QueryAsync<TableEntity>(r => r.PartitionKey == ItemPartition && r.GetBoolean("HasError") == true, cancellationToken: cancellationToken))
            items.Add(ToItem(row));
        return items.OrderByDescending(i => i.UpdatedAt).Take(max).ToList();
    }

    private static TableEntity ToEntity(FeedSource s) => new(SourcePartition, TableKey.Encode(s.Id))
    {
        ["Name"] = s.Name,
        ["Url"] = s.Url.AbsoluteUri,
        ["EverySeconds"] = (long)s.Every.TotalSeconds,
        ["AddedAt"] = s.AddedAt,
        ["NextPollAt"] = s.NextPollAt,
        ["ETag"] = s.ETag,
        ["LastModified"] = s.LastModified,
        ["LastPolledAt"] = s.LastPolledAt,
        ["LastSuccessAt"] = s.LastSuccessAt,
        ["LastErrorAt"] = s.LastErrorAt,
        ["LastError"] = s.LastError,
        ["ConsecutiveFailures"] = s.ConsecutiveFailures,
        ["ItemsSeen"] = s.ItemsSeen,
        ["LastNewItems"] = s.LastNewItems,
    };

    private static FeedSource ToSource(TableEntity row) => new(
        row.RowKey,
        row.GetString("Name") ?? row.RowKey,
        new Uri(row.GetString("Url")),
        TimeSpan.FromSeconds(row.GetInt64("EverySeconds") ?? 1800),
        row.GetDateTimeOffset("AddedAt") ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("NextPollAt") ?? DateTimeOffset.MinValue,
        row.GetString("ETag"),
        row.GetString("LastModified"),
        row.GetDateTimeOffset("LastPolledAt"),
        row.GetDateTimeOffset("LastSuccessAt"),
        row.GetDateTimeOffset("LastErrorAt"),
        row.GetString("LastError"),
        row.GetInt32("ConsecutiveFailures") ?? 0,
        row.GetInt64("ItemsSeen") ?? 0,
        row.GetInt32("LastNewItems") ?? 0);

    private static SourceItem ToItem(TableEntity row) => new(
        row.RowKey,
        row.GetString("Identity") ?? "",
        row.GetString("SourceId") ?? "",
        row.GetString("Link") is { } link ? new Uri(link) : null,
        row.GetString("Title"),
        row.GetString("FeedHash") ?? "",
        row.GetString("BlobName") ?? "",
        row.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
        row.GetString("Error"),
        row.GetBoolean("FromFeedContent") ?? false,
        row.GetInt32("Attempts") ?? 0);
}
