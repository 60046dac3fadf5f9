namespace DigestPipeline.Core.Summaries;

/// <summary>The <c>summaries</c> container.</summary>
public interface ISummaryStore
{
    /// <summary>Writes (or overwrites with the same content) the summaries of one document.</summary>
    Task SaveAsync(DocumentSummaries summaries, CancellationToken cancellationToken);

    Task<DocumentSummaries?> GetAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>Deletes the summaries of one document, if there.</summary>
    Task DeleteAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>The ids of the documents whose summaries are stored, for the repair pass.</summary>
    IAsyncEnumerable<string> ListDocumentIdsAsync(CancellationToken cancellationToken);
}
