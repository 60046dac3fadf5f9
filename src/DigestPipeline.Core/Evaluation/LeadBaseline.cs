using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Language;
using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Core.Evaluation;

/// <summary>Lead-k: the document's first body sentences (title and headings skipped) while they fit the budget.</summary>
public static class LeadBaseline
{
    public static IReadOnlyList<string> Summarize(SourceDocument document, SummaryBudget budget)
    {
        var summary = new List<string>();
        var words = 0;
        foreach (var sentence in document.Sentences)
        {
            var kind = sentence.BlockIndex >= 0 && sentence.BlockIndex < document.Blocks.Count ? document.Blocks[sentence.BlockIndex].Kind : BlockKind.Paragraph;
            if (kind is BlockKind.Title or BlockKind.Heading)
            {
                continue;
            }

            var text = document.SentenceText(sentence);
            var length = WordCount.Of(text);
            if (!budget.Fits(summary.Count + 1, words + length))
            {
                break;
            }

            summary.Add(text);
            words += length;
        }

        return summary;
    }

    /// <summary>Lead-k over sentences given as they are (a released text's lines): the first ones while they fit the budget.</summary>
    public static IReadOnlyList<string> Summarize(IReadOnlyList<string> sentences, SummaryBudget budget)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var summary = new List<string>();
        var words = 0;
        foreach (var sentence in sentences)
        {
            var length = WordCount.Of(sentence);
            if (!budget.Fits(summary.Count + 1, words + length))
            {
                break;
            }

            summary.Add(sentence);
            words += length;
        }

        return summary;
    }
}
