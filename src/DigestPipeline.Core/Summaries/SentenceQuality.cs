using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Core.Summaries;

/// <summary>How well a sentence reads on its own in a summary, as a factor in (0, 1] of its score.</summary>
internal static class SentenceQuality
{
    private const double FragmentPenalty = 0.4;

    /// <summary>
    /// Fragments (few words, or a piece of an enumeration), sentences that announce a list that does not follow
    /// (ending with a colon) and very long ones read badly alone.
    /// </summary>
    public static double Of(AnalyzedDocument document, AnalyzedSentence sentence)
    {
        var quality = 1.0;
        var introducesList = IntroducedList.LastItem(document, sentence.Index) >= 0;
        if (sentence.Words.Length < 4 && !introducesList)
        {
            quality *= 0.6;
        }
        else if (sentence.Words.Length > 60)
        {
            quality *= 0.85;
        }

        var text = document.Source.Text.AsSpan(sentence.Source.Start, sentence.Source.Length).TrimEnd();
        if (text.Length > 0 && text[^1] == ':' && !introducesList)
        {
            quality *= 0.7;
        }

        if (IsFragment(text, document.IsCaseless))
        {
            quality *= FragmentPenalty;
        }

        return quality;
    }

    public static bool OpensOnQuotation(AnalyzedDocument document, AnalyzedSentence sentence) =>
        document.SentenceText(sentence.Index) is [ '"' or '«' or '“' or '\'', ..];

    private static readonly System.Buffers.SearchValues<char> EnumerationMarks = System.Buffers.SearchValues.Create("•·-–*0123456789.) ");

    /// <summary>
    /// A piece of an enumeration (a list item that starts lower-case or ends on a comma or semicolon) says little alone.
    /// In a text without capitals (<paramref name="caseless"/>) every sentence starts lower-case: only the end counts,
    /// or the few sentences that open on a quote or a number would be preferred for it.
    /// </summary>
    private static bool IsFragment(ReadOnlySpan<char> text, bool caseless)
    {
        var start = text.IndexOfAnyExcept(EnumerationMarks);
        return text.Length > 0 && ((!caseless && start >= 0 && char.IsLower(text[start])) || text[^1] is ',' or ';');
    }
}
