namespace DigestPipeline.Core.Documents;

/// <summary>The Documents status table: one <see cref="DocumentRecord"/> per document or rejected upload.</summary>
public interface IDocumentRecords
{
    Task<DocumentRecord?> GetRecordAsync(string documentId, CancellationToken cancellationToken);

    Task SetRecordAsync(DocumentRecord record, CancellationToken cancellationToken);

    IAsyncEnumerable<DocumentRecord> ListRecordsAsync(CancellationToken cancellationToken);
}
