using Azure;
using Azure.Data.Tables;
using DigestPipeline.Core.Access;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// The ApiKeys table: partition <c>key</c>, RowKey the key's public id (so checking a key is one point read), the
/// secret's SHA-256 and never the secret. A small table: listing it is one partition query.
/// </summary>
public sealed class TableApiKeyStore(TableServiceClient tables) : IApiKeyStore
{
    private const string Partition = "key";

    private readonly TableClient _table = tables.GetTableClient(StorageNames.ApiKeysTable);

    public async Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _table.AddEntityAsync(new TableEntity(Partition, key.Id)
        {
            ["Name"] = key.Name,
            ["Hash"] = key.Hash,
            ["CreatedAt"] = key.CreatedAt,
        }, cancellationToken);
    }

    public async Task<ApiKeyRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKey.Encode(id), cancellationToken: cancellationToken);
        return row.HasValue ? ToRecord(row.Value!) : null;
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var keys = new List<ApiKeyRecord>();
        await foreach (var row in _table.QueryAsync<TableEntity>(r => r.PartitionKey == Partition, cancellationToken: cancellationToken))
            keys.Add(ToRecord(row));
        return keys.OrderBy(k => k.CreatedAt).ToList();
    }

    /// <summary>Merged, and only if the row is still there: the use of a key never brings back or un-revokes one.</summary>
    public async Task UpdateAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entity = new TableEntity(Partition, key.Id);
        if (key.LastUsedAt is { } used)
            entity["LastUsedAt"] = used;
        if (key.RevokedAt is { } revoked)
            entity["RevokedAt"] = revoked;
        try
        {
            await _table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No such key: nothing to record.
        }
    }

    private static ApiKeyRecord ToRecord(TableEntity row) => new(
        row.RowKey,
        row.GetString("Name") ?? "",
        row.GetString("Hash") ?? "",
        row.GetDateTimeOffset("CreatedAt") ?? row.Timestamp ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("LastUsedAt"),
        row.GetDateTimeOffset("RevokedAt"));
}
