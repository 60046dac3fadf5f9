using DigestPipeline.Core.Documents;

namespace DigestPipeline.Core.Summaries;

/// <summary>
/// Whether a summary's sentences stand on their own: one that opens with a reference to what came before it
/// (<see cref="DependentOpening"/>) stands only right after the sentence it follows in the text.
/// </summary>
public static class StandAlone
{
    /// <returns>How many of <paramref name="summary"/>'s sentences (in document order) stand on their own.</returns>
    public static int Count(SourceDocument document, IReadOnlyList<SummarySentence> summary)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(summary);
        var count = 0;
        for (var i = 0; i < summary.Count; i++)
        {
            var sentence = summary[i];
            if (!DependentOpening.DependsOnPrevious(document.Language, sentence.Text) || sentence.Start == 0
                || (i > 0 && Follows(document.Text, summary[i - 1], sentence)))
                count++;
        }

        return count;
    }

    /// <summary>Nothing but white space between the two in the text.</summary>
    private static bool Follows(string text, SummarySentence previous, SummarySentence next)
    {
        var end = previous.Start + previous.Length;
        return end <= next.Start && text.AsSpan(end, next.Start - end).IsWhiteSpace();
    }
}
