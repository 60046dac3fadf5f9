using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Core.Summaries;

/// <summary>
/// Finds a document's themes (declared in the taxonomy, or discovered from its headings) and writes one extractive
/// summary per theme. Deterministic: the same document, taxonomy and options give the same summaries.
/// </summary>
public sealed class DocumentSummarizer(ThemeTaxonomy taxonomy, SummarizerOptions options)
{
    public DocumentSummaries Summarize(SourceDocument document, DateTimeOffset summarizedAt)
        => throw new NotImplementedException($"{taxonomy}{options}");
}
