using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// The status rows of the Documents table. The table also holds the upload marks (<see cref="BlobUploadStore"/>), under
/// another RowKey: hence the filter when listing.
/// </summary>
public sealed class TableDocumentRecords(TableServiceClient tables) : IDocumentRecords
{
    private readonly TableClient _records = tables.GetTableClient(StorageNames.DocumentsTable);

    public async Task<DocumentRecord?> GetRecordAsync(string documentId, CancellationToken cancellationToken)
    {
        var row = await _records.GetEntityIfExistsAsync<DocumentRecordEntity>(
            TableKey.Encode(documentId), DocumentRecordEntity.Row, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ToRecord() : null;
    }

    public async Task SetRecordAsync(DocumentRecord record, CancellationToken cancellationToken) =>
        await _records.UpsertEntityAsync(DocumentRecordEntity.From(record), TableUpdateMode.Replace, cancellationToken);

    public async IAsyncEnumerable<DocumentRecord> ListRecordsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _records.QueryAsync<DocumentRecordEntity>(r => r.RowKey == DocumentRecordEntity.Row, cancellationToken: cancellationToken))
            yield return row.ToRecord();
    }
}
