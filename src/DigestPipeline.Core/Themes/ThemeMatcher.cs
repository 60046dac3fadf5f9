namespace DigestPipeline.Core.Themes;

/// <summary>
/// Finds the taxonomy's keywords in a sentence and weighs them into evidence per theme. Multi-word keywords match
/// as sequences of content words (<c>essais cliniques</c>, <c>open source</c>, <c>multi-agents</c>); within a
/// theme, the longest match wins where matches overlap, and a keyword repeated in the same sentence adds little.
/// </summary>
internal static class ThemeMatcher
{
    private const double RepeatWeight = 0.25;

    /// <summary>All keyword occurrences in the sentence, ordered by position then keyword.</summary>
    public static List<KeywordMatch> Match(AnalyzedSentence sentence, KeywordIndex index)
    {
        var matches = new List<KeywordMatch>();
        var words = sentence.Words;
        for (var i = 0; i < words.Length; i++)
        {
            foreach (var k in index.KeywordsStartingWith(words[i].Stem))
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
                    all = KeywordIndex.StemsMatch(words[i + m].Stem, stems[m]);
                }

                if (all)
                {
                    matches.Add(new KeywordMatch(k, keyword.Theme, i, stems.Length, words[i].Start, words[i + stems.Length - 1].End));
                }
            }
        }

        return matches;
    }

    /// <summary>
    /// Evidence per theme from a sentence's matches: per theme, overlapping matches keep the longest; each distinct
    /// keyword counts its weight once, repeats a quarter of it. Returns the matches kept.
    /// </summary>
    public static List<KeywordMatch> Weigh(List<KeywordMatch> matches, IReadOnlyList<ThemeKeyword> keywords, double[] evidence)
    {
        var kept = new List<KeywordMatch>();
        if (matches.Count == 0)
        {
            return kept;
        }

        foreach (var theme in matches.Select(m => m.Theme).Distinct().Order())
        {
            var ordered = matches.Where(m => m.Theme == theme)
                .OrderByDescending(m => m.WordCount).ThenBy(m => m.FirstWord).ThenBy(m => m.Keyword);
            var accepted = new List<KeywordMatch>();
            foreach (var match in ordered)
            {
                if (accepted.All(a => a.FirstWord + a.WordCount <= match.FirstWord || match.FirstWord + match.WordCount <= a.FirstWord))
                {
                    accepted.Add(match);
                }
            }

            var seen = new HashSet<int>();
            foreach (var match in accepted.OrderBy(m => m.FirstWord))
            {
                var weight = keywords[match.Keyword].Weight;
                evidence[theme] += seen.Add(match.Keyword) ? weight : weight * RepeatWeight;
                kept.Add(match);
            }
        }

        kept.Sort((a, b) => a.FirstWord != b.FirstWord ? a.FirstWord.CompareTo(b.FirstWord) : a.Keyword.CompareTo(b.Keyword));
        return kept;
    }
}
