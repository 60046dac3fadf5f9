namespace DigestPipeline.Core.Summaries;

/// <summary>A word of a clause, lower-cased, and whether a comma, a dash or a bracket comes before it (or it opens the clause).</summary>
internal readonly record struct ClauseWord(string Text, bool AfterBoundary);

/// <summary>
/// A clause's words for <see cref="MainClause"/>: runs of letters and digits (with their inner hyphens, so
/// "a-t-il" is one word), an apostrophe kept with the word it elides in French ("qu'", "s'") and with the clitic it
/// opens in English ("'s", "'re").
/// </summary>
internal static class ClauseWords
{
    public static List<ClauseWord> Of(ReadOnlySpan<char> clause, bool elisionBefore)
    {
        var words = new List<ClauseWord>();
        var boundary = true;
        var start = -1;
        for (var i = 0; i <= clause.Length; i++)
        {
            var c = i < clause.Length ? clause[i] : ' ';
            if (char.IsLetterOrDigit(c) || (c == '-' && start >= 0 && i + 1 < clause.Length && char.IsLetterOrDigit(clause[i + 1])))
            {
                if (start < 0) start = i;
                continue;
            }

            var apostrophe = c is '\'' or '’';
            if (start >= 0)
            {
                var elided = apostrophe && elisionBefore;
                Add(clause[start..i], elided);
                start = -1;
                if (elided) continue;
            }

            if (apostrophe && !elisionBefore && i + 1 < clause.Length && char.IsLetter(clause[i + 1]))
            {
                // The clitic ("'s", "'re") is read as a word that opens with the apostrophe.
                var end = i + 1;
                while (end < clause.Length && char.IsLetter(clause[end])) end++;
                Add(clause[(i + 1)..end], elided: false, opening: true);
                i = end - 1;
                continue;
            }

            if (c is ',' or '(' or ')' or '—' or '–' or '，' or '、' || (c == '-' && i > 0 && char.IsWhiteSpace(clause[i - 1])))
                boundary = true;
        }

        return words;

        void Add(ReadOnlySpan<char> word, bool elided, bool opening = false)
        {
            var text = word.ToString().ToLowerInvariant();
            words.Add(new ClauseWord(opening ? "'" + text : elided ? text + "'" : text, boundary));
            boundary = false;
        }
    }
}
