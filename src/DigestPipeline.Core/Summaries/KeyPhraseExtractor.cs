using System.Text;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Core.Summaries;

/// <summary>
/// A few key phrases for a theme, as they are written in the text: the theme's keywords found in its sentences,
/// and runs of up to three content words (RAKE-like: stop words and punctuation end a run), weighted by the score
/// of the best sentences they occur in. Single words common to the whole document are left out, and a phrase whose
/// words are within (or contain) a phrase already taken is skipped.
/// </summary>
internal static class KeyPhraseExtractor
{
    public const int MaxKeyPhrases = 5;
    private const int MaxRunWords = 3;
    private const double KeywordBonus = 2.0;

    /// <summary>Free phrases (not keywords) are taken from this many of the best sentences only.</summary>
    private const int RunSentences = 10;

    /// <param name="heading">For a discovered theme, the heading it is named from: its phrases come first.</param>
    public static IReadOnlyList<string> Extract(
        AnalyzedDocument document,
        SentenceSimilarity similarity,
        IReadOnlyList<RankedSentence> sentences,
        Func<int, IEnumerable<KeywordMatch>> themeMatches,
        AnalyzedSentence? heading = null)
    {
        var phrases = new Dictionary<string, Phrase>(StringComparer.Ordinal);
        var text = document.Source.Text;
        var best = sentences.OrderByDescending(s => s.Score).ThenBy(s => s.Sentence).Take(RunSentences).Select(s => s.Sentence).ToHashSet();
        if (heading is not null)
        {
            AddRuns(phrases, text, heading, 2 * KeywordBonus, keyword: true);
        }

        foreach (var ranked in sentences)
        {
            var sentence = document.Sentences[ranked.Sentence];
            var words = sentence.Words;
            foreach (var match in themeMatches(ranked.Sentence))
            {
                var stems = words.AsSpan(match.FirstWord, match.WordCount).ToArray().Select(w => w.Stem).ToArray();
                Add(phrases, stems, text, match.Start, match.End, sentence, KeywordBonus * (1 + ranked.Score), keyword: true);
            }

            if (!best.Contains(ranked.Sentence))
            {
                continue;
            }

            AddRuns(phrases, text, sentence, 0.5 + ranked.Score, keyword: false);
        }

        var chosen = new List<Phrase>();
        foreach (var phrase in phrases.Values
            .Where(p => p.Stems.Length > 1 || ((p.Keyword || p.Occurrences > 1) && !similarity.IsCommon(p.Stems[0])))
            .OrderByDescending(p => p.Score).ThenBy(p => p.FirstStart))
        {
            if (chosen.Any(c => c.StemSet.IsSubsetOf(phrase.StemSet) || c.StemSet.IsSupersetOf(phrase.StemSet)))
            {
                continue;
            }

            chosen.Add(phrase);
            if (chosen.Count == MaxKeyPhrases)
            {
                break;
            }
        }

        return [.. chosen.Select(p => p.Surface)];
    }

    /// <summary>Adds the runs of up to <see cref="MaxRunWords"/> content words joined by spaces or hyphens.</summary>
    private static void AddRuns(Dictionary<string, Phrase> phrases, string text, AnalyzedSentence sentence, double weight, bool keyword)
    {
        var words = sentence.Words;
        var runStart = 0;
        for (var i = 0; i <= words.Length; i++)
        {
            var breaks = i == words.Length || !IsPhraseWord(words[i]) || (i > runStart && !Joined(text, words[i - 1], words[i]));
            if (!breaks)
            {
                continue;
            }

            var runLength = i - runStart;
            if (runLength is > 0 and <= MaxRunWords)
            {
                var stems = words.AsSpan(runStart, runLength).ToArray().Select(w => w.Stem).ToArray();
                Add(phrases, stems, text, words[runStart].Start, words[i - 1].End, sentence, (1 + (0.5 * (runLength - 1))) * weight, keyword);
            }

            runStart = i < words.Length && IsPhraseWord(words[i]) ? i : i + 1;
        }
    }

    private static void Add(Dictionary<string, Phrase> phrases, string[] stems, string text, int start, int end, AnalyzedSentence sentence, double score, bool keyword)
    {
        var key = string.Join(' ', stems);
        if (!phrases.TryGetValue(key, out var phrase))
        {
            phrases[key] = phrase = new Phrase(stems, start);
        }

        phrase.Score += score;
        phrase.Occurrences++;
        phrase.Keyword |= keyword;
        var atSentenceStart = start == sentence.Words[0].Start;
        var surface = CollapseSpaces(text.AsSpan(start, end - start));
        if (phrase.Surface.Length == 0
            || (phrase.SurfaceAtSentenceStart && !atSentenceStart)
            || (phrase.SurfaceAtSentenceStart == atSentenceStart && Capitals(surface) < Capitals(phrase.Surface)))
        {
            phrase.Surface = surface;
            phrase.SurfaceAtSentenceStart = atSentenceStart;
        }
    }

    private static int Capitals(string surface) => surface.Count(char.IsUpper);

    private static bool IsPhraseWord(Token word) => word.Length >= 2 && !char.IsDigit(word.Stem[0]);

    /// <summary>Two words belong to one run when only spaces or a hyphen separate them.</summary>
    private static bool Joined(string text, Token left, Token right)
    {
        for (var i = left.End; i < right.Start; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] is not ('-' or '‑'))
            {
                return false;
            }
        }

        return right.Start - left.End <= 3;
    }

    private static string CollapseSpaces(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    private sealed class Phrase(string[] stems, int firstStart)
    {
        public string[] Stems { get; } = stems;

        public HashSet<string> StemSet { get; } = new(stems, StringComparer.Ordinal);

        public int FirstStart { get; } = firstStart;

        public string Surface { get; set; } = "";

        public bool SurfaceAtSentenceStart { get; set; }

        public double Score { get; set; }

        public int Occurrences { get; set; }

        public bool Keyword { get; set; }
    }
}
