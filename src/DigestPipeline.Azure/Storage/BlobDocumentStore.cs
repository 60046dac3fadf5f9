using Azure.Storage.Blobs;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Azure.Storage;

/// <summary>Normalised documents (<c>documents/{id}.json</c>).</summary>
public sealed class BlobDocumentStore(BlobServiceClient blobs) : IDocumentStore
{
    private readonly BlobContainerClient _documents = blobs.GetBlobContainerClient(StorageNames.DocumentsContainer);

    public Task<SourceDocument?> GetAsync(string documentId, CancellationToken cancellationToken) =>
        JsonBlob.ReadAsync<SourceDocument>(DocumentBlob(documentId), cancellationToken);

    public Task SaveAsync(SourceDocument document, CancellationToken cancellationToken) =>
        JsonBlob.WriteAsync(DocumentBlob(document.Id), document, SourceDocument.SchemaVersion, cancellationToken);

    public Task DeleteAsync(string documentId, CancellationToken cancellationToken) =>
        DocumentBlob(documentId).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public IAsyncEnumerable<string> ListDocumentIdsAsync(CancellationToken cancellationToken) => JsonBlob.ListIdsAsync(_documents, cancellationToken);

    private BlobClient DocumentBlob(string documentId) => _documents.GetBlobClient($"{documentId}.json");
}
