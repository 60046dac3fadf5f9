namespace DigestPipeline.Core.Summaries;

/// <summary>All themed summaries of one document, as stored in <c>summaries/{docId}.json</c>.</summary>
public sealed record DocumentSummaries(
    string DocumentId,
    string SourceName,
    string Title,
    string Language,
    DateTimeOffset SummarizedAt,
    IReadOnlyList<ThemedSummary> Themes,
    Uri? SourceUrl = null)
{
    public const int SchemaVersion = 1;
}
