using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Core.Evaluation;

/// <summary>
/// How many of the key phrases the digests would show are a single common word ("health", "santé", "centrale"):
/// words that say only that the document is about the theme, or that were matched in another sense. Every row is
/// summarized on every theme it matches, as the pipeline does, and each themed summary's key phrases are counted.
/// </summary>
/// <remarks>
/// A word is common when it occurs in at least <see cref="CommonDocumentShare"/> of the set's documents (1 in 20):
/// on a news set that takes in "government", "gouvernement", "santé", "health", and leaves out names and terms.
/// Counted on the set itself, so the figure needs no word list that could not be checked.
/// </remarks>
public static class KeyPhraseAudit
{
    public const double CommonDocumentShare = 0.05;

    public static KeyPhraseReport Run(IReadOnlyList<EvaluationRow> rows, DocumentReader reader, DocumentSummarizer summarizer, bool withTitles = true)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(summarizer);

        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var phrases = new List<(string Phrase, string ThemeId)>();
        foreach (var row in rows)
        {
            foreach (var word in Words(row.Text).Distinct(StringComparer.Ordinal))
                documentFrequency[word] = documentFrequency.GetValueOrDefault(word) + 1;

            var document = reader.Read($"{row.Id}.txt", row.ToDocumentBytes(withTitles), DateTimeOffset.UnixEpoch);
            foreach (var theme in summarizer.Summarize(document, DateTimeOffset.UnixEpoch).Themes)
                phrases.AddRange(theme.KeyPhrases.Select(p => (p, theme.ThemeId)));
        }

        var common = Math.Max(2, (int)Math.Ceiling(CommonDocumentShare * rows.Count));
        var single = phrases.Where(p => Words(p.Phrase).Take(2).Count() == 1).ToList();
        var singleCommon = single.Where(p => documentFrequency.GetValueOrDefault(Words(p.Phrase).First()) >= common).ToList();
        var examples = singleCommon
            .GroupBy(p => Words(p.Phrase).First(), StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .Take(10)
            .Select(g => (g.Key, g.Count()))
            .ToList();
        return new KeyPhraseReport(phrases.Count, single.Count, singleCommon.Count, examples);
    }

    /// <summary>The text's words, lower-cased (letters, digits, inner apostrophes and hyphens).</summary>
    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i])
                || (start >= 0 && text[i] is '-' or '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1])));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}

/// <param name="Phrases">Key phrases over all themed summaries.</param>
/// <param name="SingleWords">Those of one word.</param>
/// <param name="SingleCommonWords">Those of one common word (<see cref="KeyPhraseAudit.CommonDocumentShare"/>).</param>
/// <param name="MostFrequent">The single common words shown most often, with how often.</param>
public sealed record KeyPhraseReport(int Phrases, int SingleWords, int SingleCommonWords, IReadOnlyList<(string Word, int Count)> MostFrequent)
{
    public double SingleCommonShare => Phrases == 0 ? 0 : (double)SingleCommonWords / Phrases;
}
