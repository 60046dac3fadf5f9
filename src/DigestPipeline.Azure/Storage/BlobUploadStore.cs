using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// Uploads (<c>incoming</c>), and the marks on each upload version, kept as rows of the Documents table beside the
/// status rows.
/// </summary>
public sealed class BlobUploadStore(BlobServiceClient blobs, TableServiceClient tables, ILogger<BlobUploadStore> logger) : IUploadStore
{
    private readonly BlobContainerClient _incoming = blobs.GetBlobContainerClient(StorageNames.IncomingContainer);
    private readonly TableClient _documentsTable = tables.GetTableClient(StorageNames.DocumentsTable);

    public async Task<IncomingBlob?> ReadIncomingAsync(string blobName, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        var blob = ExactBlob.Named(_incoming, blobName);
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        var eTag = properties.ETag.ToString();
        if (properties.ContentLength == 0)
            return new IncomingBlob(blobName, [], 0, Truncated: false, eTag, properties.Metadata.AsReadOnly());

        // Never read more than the cap + 1 byte, and only the version whose properties were read.
        var toRead = Math.Min(properties.ContentLength, maxBytes + 1);
        var download = await blob.DownloadContentAsync(
            new BlobDownloadOptions
            {
                Range = new HttpRange(0, toRead),
                Conditions = new BlobRequestConditions { IfMatch = properties.ETag },
            },
            cancellationToken);
        var content = download.Value.Content.ToArray();
        return new IncomingBlob(blobName, content, properties.ContentLength, properties.ContentLength > maxBytes, eTag, properties.Metadata.AsReadOnly());
    }

    public async Task DeleteIncomingAsync(string blobName, string eTag, CancellationToken cancellationToken)
    {
        try
        {
            await ExactBlob.Named(_incoming, blobName).DeleteIfExistsAsync(
                conditions: new BlobRequestConditions { IfMatch = new ETag(eTag) }, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            logger.LogInformation("Upload {BlobName} was replaced since; the newer upload stays", blobName);
        }
    }

    public async IAsyncEnumerable<IncomingUpload> ListIncomingAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in _incoming.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            yield return new IncomingUpload(item.Name, item.Properties.ETag?.ToString() ?? "", item.Properties.LastModified ?? DateTimeOffset.MinValue,
                item.Properties.ContentLength ?? 0, item.Properties.ContentType, _incoming.GetBlobClient(item.Name).Uri.ToString());
        }
    }

    /// <summary>
    /// A row of the Documents table beside the status rows: PartitionKey = a hash of the upload's name and version,
    /// RowKey <see cref="HandledUploadRow"/>, so that listing the status rows (filtered on their RowKey) never sees it.
    /// </summary>
    public Task MarkUploadHandledAsync(string blobName, string eTag, string recordId, CancellationToken cancellationToken) =>
        MarkUploadAsync(blobName, eTag, "RecordId", recordId, cancellationToken);

    public Task MarkUploadRepublishedAsync(string blobName, string eTag, DateTimeOffset at, CancellationToken cancellationToken) =>
        MarkUploadAsync(blobName, eTag, "RepublishedAt", at, cancellationToken);

    public async Task<UploadMark?> GetUploadMarkAsync(string blobName, string eTag, CancellationToken cancellationToken)
    {
        var key = IncomingUpload.KeyOf(blobName, eTag);
        var row = await _documentsTable.GetEntityIfExistsAsync<TableEntity>(HandledUploadPartition(key), HandledUploadRow, cancellationToken: cancellationToken);
        return row.HasValue ? new UploadMark(row.Value!.GetString("RecordId"), row.Value.GetDateTimeOffset("RepublishedAt")) : null;
    }

    public async Task<IReadOnlyDictionary<string, UploadMark>> ListUploadMarksAsync(CancellationToken cancellationToken)
    {
        var marks = new Dictionary<string, UploadMark>(StringComparer.Ordinal);
        await foreach (var row in _documentsTable.QueryAsync<TableEntity>(r => r.RowKey == HandledUploadRow, cancellationToken: cancellationToken))
        {
            if (row.GetString("Key") is { } key)
                marks[key] = new UploadMark(row.GetString("RecordId"), row.GetDateTimeOffset("RepublishedAt"));
        }

        return marks;
    }

    /// <summary>
    /// A row of the Documents table beside the status rows: PartitionKey = a hash of the upload's name and version,
    /// RowKey <see cref="HandledUploadRow"/>, so that listing the status rows (filtered on their RowKey) never sees it.
    /// Merged, so that ingest's "handled" and the repair pass's "republished at" never overwrite each other.
    /// </summary>
    private async Task MarkUploadAsync(string blobName, string eTag, string property, object value, CancellationToken cancellationToken)
    {
        var key = IncomingUpload.KeyOf(blobName, eTag);
        var entity = new TableEntity(HandledUploadPartition(key), HandledUploadRow) { ["Key"] = key, [property] = value };
        await _documentsTable.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    private const string HandledUploadRow = "handled-upload";

    private static string HandledUploadPartition(string key) =>
        "upload-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
}
