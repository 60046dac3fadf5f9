using System.Runtime.InteropServices;
using DigestPipeline.Core.Language;

namespace DigestPipeline.Core.Themes;

/// <summary>
/// Finds the taxonomy's keywords in a sentence and weighs them into evidence per theme. Multi-word keywords match
/// as sequences of content words (<c>essais cliniques</c>, <c>open source</c>, <c>multi-agents</c>), with stop words
/// between two of them only where the keyword has some (<c>qualité des données</c>, not "power the grid"); within a
/// theme, the longest match wins where matches overlap, and a keyword repeated in the same sentence adds little.
/// </summary>
internal static class ThemeMatcher
{
    public const double RepeatWeight = 0.25;

    /// <summary>A sentence's kept matches are gathered on the stack up to this many.</summary>
    private const int MaxStackMatches = 32;

    /// <summary>All keyword occurrences in the sentence, ordered by position then keyword.</summary>
    /// <param name="text">The document's text, where <paramref name="sentence"/>'s words are.</param>
    /// <param name="wordStems">The cache the sentence's words come from, when known (a faster lookup when it is the index's).</param>
    public static List<KeywordMatch> Match(AnalyzedSentence sentence, KeywordIndex index, string text, StemmerCache? wordStems = null)
    {
        var matches = new List<KeywordMatch>();
        Match(sentence, index, text, wordStems, matches);
        return matches;
    }

    /// <summary>
    /// <see cref="Match(AnalyzedSentence, KeywordIndex, string, StemmerCache?)"/> into a list the caller keeps: most
    /// sentences match no keyword, and a list per sentence, twice (requirements, evidence), was allocated for nothing.
    /// </summary>
    /// <param name="matches">Where the matches are added.</param>
    public static void Match(AnalyzedSentence sentence, KeywordIndex index, string text, StemmerCache? wordStems, List<KeywordMatch> matches)
    {
        var words = sentence.Words;
        var fromOwnStems = ReferenceEquals(wordStems, index.Stems);
        for (var i = 0; i < words.Length; i++)
        {
            foreach (var k in index.KeywordsStartingWith(words[i], fromOwnStems))
            {
                var keyword = index.Keywords[k];
                var stems = keyword.Stems;
                if (i + stems.Length > words.Length)
                {
                    continue;
                }

                var all = true;
                for (var m = 1; m < stems.Length && all; m++)
                {
                    all = index.Matches(words[i + m].Stem, stems[m])
                        && (keyword.StopWordsBefore.Length <= m || keyword.StopWordsBefore[m] || !HasWordBetween(text, words[i + m - 1].End, words[i + m].Start));
                }

                if (all && (!keyword.WrittenWhole || IsWrittenAt(text, words[i].Start - keyword.WrittenBefore, keyword.Text)))
                {
                    matches.Add(new KeywordMatch(k, keyword.Theme, i, stems.Length, words[i].Start, words[i + stems.Length - 1].End));
                }
            }
        }
    }

    private static bool HasWordBetween(string text, int from, int to)
    {
        for (var c = from; c < to; c++)
        {
            if (char.IsLetterOrDigit(text[c]))
                return true;
        }

        return false;
    }

    /// <summary>The keyword is written at <paramref name="start"/>, a word's start, up to case, and hyphens or spaces between its words.</summary>
    private static bool IsWrittenAt(string text, int start, string keyword)
    {
        if (start < 0 || (start > 0 && char.IsLetterOrDigit(text[start - 1])))
            return false;
        var at = start;
        foreach (var c in keyword)
        {
            if (at >= text.Length)
                return false;
            var t = text[at++];
            var separator = c is ' ' or '-' or '\u2011';
            if (separator ? !(t is ' ' or '-' or '\u2011' or '\u00A0') : char.ToLowerInvariant(t) != char.ToLowerInvariant(c))
                return false;
        }

        return true;
    }

    /// <summary>
    /// Evidence per theme from a sentence's matches: per theme, overlapping matches keep the longest; each distinct
    /// keyword counts its weight once, repeats a quarter of it. Returns the matches kept, in an array of their own;
    /// <paramref name="matches"/>, which the caller clears before it reuses it, is sorted in place (a copy of it and a
    /// list of the kept ones were allocated for every sentence with a match).
    /// </summary>
    public static IReadOnlyList<KeywordMatch> Weigh(List<KeywordMatch> matches, IReadOnlyList<ThemeKeyword> keywords, double[] evidence)
    {
        if (matches.Count == 0)
        {
            return [];
        }

        // By theme, then longest first, then by position and keyword: each theme's candidates in acceptance order.
        // The order is total (a keyword matches once at a position), so any sort gives the same.
        var ordered = CollectionsMarshal.AsSpan(matches);
        ordered.Sort(static (a, b) =>
            a.Theme != b.Theme ? a.Theme.CompareTo(b.Theme)
            : a.WordCount != b.WordCount ? b.WordCount.CompareTo(a.WordCount)
            : a.FirstWord != b.FirstWord ? a.FirstWord.CompareTo(b.FirstWord)
            : a.Keyword.CompareTo(b.Keyword));

        var kept = ordered.Length <= MaxStackMatches ? stackalloc KeywordMatch[MaxStackMatches] : new KeywordMatch[ordered.Length];
        var keptCount = 0;
        for (var first = 0; first < ordered.Length;)
        {
            var theme = ordered[first].Theme;
            var themeStart = keptCount;
            var end = first;
            for (; end < ordered.Length && ordered[end].Theme == theme; end++)
            {
                var match = ordered[end];
                var overlaps = false;
                for (var a = themeStart; a < keptCount && !overlaps; a++)
                {
                    overlaps = kept[a].FirstWord < match.FirstWord + match.WordCount && match.FirstWord < kept[a].FirstWord + kept[a].WordCount;
                }

                if (!overlaps)
                {
                    kept[keptCount++] = match;
                }
            }

            // Accepted matches do not overlap, so their first words differ: in text order, a repeated keyword weighs less.
            var accepted = kept[themeStart..keptCount];
            accepted.Sort(static (a, b) => a.FirstWord.CompareTo(b.FirstWord));
            for (var i = 0; i < accepted.Length; i++)
            {
                var weight = keywords[accepted[i].Keyword].Weight;
                var repeated = false;
                for (var j = 0; j < i && !repeated; j++)
                {
                    repeated = accepted[j].Keyword == accepted[i].Keyword;
                }

                evidence[theme] += repeated ? weight * RepeatWeight : weight;
            }

            first = end;
        }

        var result = kept[..keptCount].ToArray();
        Array.Sort(result, static (a, b) => a.FirstWord != b.FirstWord ? a.FirstWord.CompareTo(b.FirstWord) : a.Keyword.CompareTo(b.Keyword));
        return result;
    }
}
