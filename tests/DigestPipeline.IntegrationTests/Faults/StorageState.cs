using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using DigestPipeline.Azure.Storage;

namespace DigestPipeline.IntegrationTests.Faults;

/// <summary>
/// What a user or the next handler can see in the account: every row of every pipeline table (its properties, not
/// the service's Timestamp and ETag) and every blob of the output containers (by SHA-256 of its content).
/// </summary>
internal static class StorageState
{
    private static readonly string[] OutputContainers =
        [StorageNames.DocumentsContainer, StorageNames.SummariesContainer, StorageNames.DigestsContainer, StorageNames.QuarantineContainer];

    public static async Task<SortedDictionary<string, string>> CaptureAsync(string connectionString, CancellationToken cancellationToken)
    {
        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var tables = new TableServiceClient(connectionString);
        foreach (var table in StorageNames.Tables)
        {
            await foreach (var entity in tables.GetTableClient(table).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                var properties = entity.Keys
                    .Where(k => k is not ("Timestamp" or "odata.etag" or "PartitionKey" or "RowKey"))
                    .OrderBy(k => k, StringComparer.Ordinal)
                    .Select(k => $"{k}={Format(entity[k])}");
                state[$"table {table} {entity.PartitionKey} {entity.RowKey}"] = string.Join("; ", properties);
            }
        }

        var blobs = new BlobServiceClient(connectionString);
        foreach (var container in OutputContainers)
        {
            var client = blobs.GetBlobContainerClient(container);
            await foreach (var blob in client.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
                state[$"blob {container}/{blob.Name}"] = Convert.ToHexString(SHA256.HashData(content));
            }
        }

        return state;
    }

    private static string Format(object? value) => value switch
    {
        DateTimeOffset time => time.ToString("O"),
        DateTime time => time.ToString("O"),
        _ => value?.ToString() ?? "null",
    };
}
