namespace DigestPipeline.Core.Documents;

/// <summary>The normalised documents (<see cref="SourceDocument"/>), by id.</summary>
public interface IDocumentStore
{
    Task<SourceDocument?> GetAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>Writes the normalised document; writing the same id twice leaves one document.</summary>
    Task SaveAsync(SourceDocument document, CancellationToken cancellationToken);

    /// <summary>Deletes the normalised document, if there.</summary>
    Task DeleteAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>The ids of the normalised documents stored, for the repair pass.</summary>
    IAsyncEnumerable<string> ListDocumentIdsAsync(CancellationToken cancellationToken);
}
