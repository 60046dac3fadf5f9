using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Core.Tests.Schedules.Fakes;

internal sealed class InMemorySummaryStore : ISummaryStore
{
    private readonly Dictionary<string, DocumentSummaries> _blobs = [];

    public Task SaveAsync(DocumentSummaries summaries, CancellationToken cancellationToken)
    {
        _blobs[summaries.DocumentId] = summaries;
        return Task.CompletedTask;
    }

    public Task<DocumentSummaries?> GetAsync(string documentId, CancellationToken cancellationToken) =>
        Task.FromResult(_blobs.GetValueOrDefault(documentId));

    public Task DeleteAsync(string documentId, CancellationToken cancellationToken)
    {
        _blobs.Remove(documentId);
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<string> ListDocumentIdsAsync(CancellationToken cancellationToken) => _blobs.Keys.ToList().ToAsyncEnumerable();
}
