using Azure.Data.Tables;
using DigestPipeline.Core.Uploads;

namespace DigestPipeline.Azure.Storage;

/// <summary>The ApiUploads table: one row per accepted API upload, PartitionKey its id (random, so rows spread), RowKey <c>upload</c>.</summary>
public sealed class TableUploadReceipts(TableServiceClient tables) : IUploadReceipts
{
    private const string Row = "upload";

    private readonly TableClient _table = tables.GetTableClient(StorageNames.ApiUploadsTable);

    public async Task AddAsync(UploadReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        await _table.AddEntityAsync(new TableEntity(receipt.Id, Row)
        {
            ["FileName"] = receipt.FileName,
            ["BlobName"] = receipt.BlobName,
            ["BlobETag"] = receipt.ETag,
            ["SourceUrl"] = receipt.SourceUrl?.AbsoluteUri,
            ["ReceivedAt"] = receipt.ReceivedAt,
            ["Caller"] = receipt.Caller,
        }, cancellationToken);
    }

    public async Task<UploadReceipt?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(TableKey.Encode(id), Row, cancellationToken: cancellationToken);
        if (!found.HasValue)
            return null;
        var row = found.Value!;
        return new UploadReceipt(
            id,
            row.GetString("FileName") ?? "",
            row.GetString("BlobName") ?? "",
            row.GetString("BlobETag") ?? "",
            Uri.TryCreate(row.GetString("SourceUrl"), UriKind.Absolute, out var url) ? url : null,
            row.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
            row.GetString("Caller") ?? "");
    }
}
