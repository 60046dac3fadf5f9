using Azure.Storage.Blobs;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Azure.Storage;

/// <summary>The <c>summaries</c> container: <c>summaries/{docId}.json</c>.</summary>
public sealed class BlobSummaryStore(BlobServiceClient blobs) : ISummaryStore
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(StorageNames.SummariesContainer);

    public Task SaveAsync(DocumentSummaries summaries, CancellationToken cancellationToken) =>
        JsonBlob.WriteAsync(Blob(summaries.DocumentId), summaries, DocumentSummaries.SchemaVersion, cancellationToken);

    public Task<DocumentSummaries?> GetAsync(string documentId, CancellationToken cancellationToken) =>
        JsonBlob.ReadAsync<DocumentSummaries>(Blob(documentId), cancellationToken);

    public Task DeleteAsync(string documentId, CancellationToken cancellationToken) =>
        Blob(documentId).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public IAsyncEnumerable<string> ListDocumentIdsAsync(CancellationToken cancellationToken) => JsonBlob.ListIdsAsync(_container, cancellationToken);

    private BlobClient Blob(string documentId) => _container.GetBlobClient($"{documentId}.json");
}
