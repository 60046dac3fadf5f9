using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscriptions;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// The ConfirmationLimits table: one row per key, named by the key's SHA-256 (no client address or subscriber id in
/// clear), holding the times counted in the window. Every count is an ETag-conditional read-modify-write, so hosts
/// counting the same key at once neither lose a count nor pass the limit together.
/// </summary>
public sealed class TableConfirmationCounter(TableServiceClient tables) : IConfirmationCounter
{
    private const string RowKey = "sends";
    private const string SendsProperty = "Sends";

    /// <summary>Each attempt lost is another writer's count won, so a burst of one client's requests settles well within this.</summary>
    private const int MaxAttempts = 50;

    private readonly TableClient _limits = tables.GetTableClient(StorageNames.ConfirmationLimitsTable);

    public async Task<bool> TryCountAsync(string key, int limit, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partition = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        for (var attempt = 1; ; attempt++)
        {
            var response = await _limits.GetEntityIfExistsAsync<TableEntity>(partition, RowKey, cancellationToken: cancellationToken);
            var stored = response.HasValue ? response.Value : null;
            var sends = Ticks(stored?.GetString(SendsProperty)).Where(ticks => ticks > since.UtcTicks).ToList();
            if (sends.Count >= limit)
                return false;

            sends.Add(now.UtcTicks);
            var row = new TableEntity(partition, RowKey) { [SendsProperty] = string.Join(',', sends) };
            try
            {
                if (stored is null)
                    await _limits.AddEntityAsync(row, cancellationToken);
                else
                    await _limits.UpdateEntityAsync(row, stored.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another host counted this key in between: read it again.
            }
        }
    }

    private static IEnumerable<long> Ticks(string? sends) =>
        string.IsNullOrEmpty(sends) ? [] : sends.Split(',').Select(ticks => long.Parse(ticks, CultureInfo.InvariantCulture));
}
