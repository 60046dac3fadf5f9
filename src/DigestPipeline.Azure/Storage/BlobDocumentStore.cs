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
/// Uploads (<c>incoming</c>), normalised documents (<c>documents/{id}.json</c>), quarantine and the Documents table.
/// </summary>
public sealed class BlobDocumentStore(BlobServiceClient blobs, TableServiceClient tables, ILogger<BlobDocumentStore> logger) : IDocumentStore
{
    /// <summary>Quarantine metadata: the ETag of the upload version the copy holds.</summary>
    private const string SourceVersionMetadata = "sourceetag";

    private readonly BlobContainerClient incoming = blobs.GetBlobContainerClient(StorageNames.IncomingContainer);
    private readonly BlobContainerClient documents = blobs.GetBlobContainerClient(StorageNames.DocumentsContainer);
    private readonly BlobContainerClient quarantine = blobs.GetBlobContainerClient(StorageNames.QuarantineContainer);
    private readonly TableClient records = tables.GetTableClient(StorageNames.DocumentsTable);

    public async Task<IncomingBlob?> ReadIncomingAsync(string blobName, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        var blob = BlobNamed(incoming, blobName);
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
            return new IncomingBlob(blobName, [], 0, Truncated: false, eTag);

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
        return new IncomingBlob(blobName, content, properties.ContentLength, properties.ContentLength > maxBytes, eTag);
    }

    public Task<SourceDocument?> GetAsync(string documentId, CancellationToken cancellationToken) =>
        JsonBlob.ReadAsync<SourceDocument>(DocumentBlob(documentId), cancellationToken);

    public Task SaveAsync(SourceDocument document, CancellationToken cancellationToken) =>
        JsonBlob.WriteAsync(DocumentBlob(document.Id), document, SourceDocument.SchemaVersion, cancellationToken);

    public Task DeleteAsync(string documentId, CancellationToken cancellationToken) =>
        DocumentBlob(documentId).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public async Task DeleteIncomingAsync(string blobName, string eTag, CancellationToken cancellationToken)
    {
        try
        {
            await BlobNamed(incoming, blobName).DeleteIfExistsAsync(
                conditions: new BlobRequestConditions { IfMatch = new ETag(eTag) }, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            logger.LogInformation("Upload {BlobName} was replaced since; the newer upload stays", blobName);
        }
    }

    public async Task QuarantineAsync(string blobName, string eTag, RejectionReason reason, string message, CancellationToken cancellationToken)
    {
        var source = BlobNamed(incoming, blobName);
        var target = BlobNamed(quarantine, blobName);
        var metadata = new Dictionary<string, string>
        {
            // Metadata travels in HTTP headers: ASCII only, hence the escaping.
            ["reason"] = Uri.EscapeDataString(reason.ToString()),
            ["message"] = Uri.EscapeDataString(message),
            [SourceVersionMetadata] = Uri.EscapeDataString(eTag),
        };

        // A server-side copy within the account: the bytes never come through this process, whatever their size.
        // Only of the version that was rejected: a newer upload under the same name fails the copy, and the retry
        // reads that one.
        var copy = await target.StartCopyFromUriAsync(source.Uri, new BlobCopyFromUriOptions
        {
            Metadata = metadata,
            SourceConditions = new BlobRequestConditions { IfMatch = new ETag(eTag) },
        }, cancellationToken);
        await copy.WaitForCompletionAsync(TimeSpan.FromMilliseconds(250), cancellationToken);
        logger.LogInformation("Quarantined {BlobName}: {Reason}", blobName, reason);
    }

    public async Task<string?> QuarantinedVersionAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await BlobNamed(quarantine, blobName).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.Metadata.TryGetValue(SourceVersionMetadata, out var eTag) ? Uri.UnescapeDataString(eTag) : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public Task DeleteQuarantinedAsync(string blobName, CancellationToken cancellationToken) =>
        BlobNamed(quarantine, blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public async Task<DocumentRecord?> GetRecordAsync(string documentId, CancellationToken cancellationToken)
    {
        var row = await records.GetEntityIfExistsAsync<DocumentRecordEntity>(
            TableKey.Encode(documentId), DocumentRecordEntity.Row, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ToRecord() : null;
    }

    public async Task SetRecordAsync(DocumentRecord record, CancellationToken cancellationToken) =>
        await records.UpsertEntityAsync(DocumentRecordEntity.From(record), TableUpdateMode.Replace, cancellationToken);

    public async IAsyncEnumerable<DocumentRecord> ListRecordsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in records.QueryAsync<DocumentRecordEntity>(r => r.RowKey == DocumentRecordEntity.Row, cancellationToken: cancellationToken))
            yield return row.ToRecord();
    }

    public async IAsyncEnumerable<IncomingUpload> ListIncomingAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in incoming.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            yield return new IncomingUpload(item.Name, item.Properties.ETag?.ToString() ?? "", item.Properties.LastModified ?? DateTimeOffset.MinValue,
                item.Properties.ContentLength ?? 0, item.Properties.ContentType, incoming.GetBlobClient(item.Name).Uri.ToString());
        }
    }

    public IAsyncEnumerable<string> ListDocumentIdsAsync(CancellationToken cancellationToken) => JsonBlob.ListIdsAsync(documents, cancellationToken);

    /// <summary>
    /// A row of the Documents table beside the status rows: PartitionKey = a hash of the upload's name and version,
    /// RowKey <see cref="HandledUploadRow"/>, so that listing the status rows (filtered on their RowKey) never sees it.
    /// </summary>
    public Task MarkUploadHandledAsync(string blobName, string eTag, string recordId, CancellationToken cancellationToken) =>
        MarkUploadAsync(blobName, eTag, "RecordId", recordId, cancellationToken);

    public Task MarkUploadRepublishedAsync(string blobName, string eTag, DateTimeOffset at, CancellationToken cancellationToken) =>
        MarkUploadAsync(blobName, eTag, "RepublishedAt", at, cancellationToken);

    public async Task<IReadOnlyDictionary<string, UploadMark>> ListUploadMarksAsync(CancellationToken cancellationToken)
    {
        var marks = new Dictionary<string, UploadMark>(StringComparer.Ordinal);
        await foreach (var row in records.QueryAsync<TableEntity>(r => r.RowKey == HandledUploadRow, cancellationToken: cancellationToken))
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
        await records.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    private const string HandledUploadRow = "handled-upload";

    private static string HandledUploadPartition(string key) =>
        "upload-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));

    /// <summary>
    /// The blob of exactly this name in this container. URL clients resolve "." and ".." segments, so a name like
    /// "../documents/x.json" would address another container: refused here whatever the caller checked.
    /// </summary>
    private static BlobClient BlobNamed(BlobContainerClient container, string blobName)
    {
        var blob = container.GetBlobClient(blobName);
        if (blob.Name != blobName || blob.BlobContainerName != container.Name)
            throw new ArgumentException($"The blob name would address '{blob.BlobContainerName}/{blob.Name}' instead of a blob of '{container.Name}'.", nameof(blobName));
        return blob;
    }

    private BlobClient DocumentBlob(string documentId) => documents.GetBlobClient($"{documentId}.json");
}
