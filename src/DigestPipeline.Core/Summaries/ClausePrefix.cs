using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Language;

namespace DigestPipeline.Core.Summaries;

/// <summary>
/// The longest opening of a sentence that ends at a clause boundary (a comma, semicolon, colon or dash followed by a
/// space, or a full-width comma, semicolon or colon, which Chinese and Japanese follow with no space) and fits a
/// number of words, counted as <see cref="WordCount"/> does: how a sentence too long for a word budget can still say
/// its main clause. The opening must have a main verb (<see cref="MainClause"/>): a language without verb rules has
/// no clause cuts.
/// </summary>
internal static class ClausePrefix
{
    /// <summary>A prefix shorter than this share of the sentence's words has lost too much of it.</summary>
    private const double MinShare = 0.4;

    /// <summary>Nor may it be shorter than this many words.</summary>
    private const int MinWords = 8;

    /// <returns>The prefix's length in characters (the boundary mark excluded), or null when none fits.</returns>
    public static int? Find(ReadOnlySpan<char> sentence, int maxWords, string language)
    {
        if (!MainClause.HasRules(language))
            return null;

        List<int>? boundaries = null;
        var total = WordCount.Of(sentence);
        var minWords = Math.Max(MinWords, (int)Math.Ceiling(MinShare * total));
        var words = 0;
        var inWord = false;
        for (var i = 0; i < sentence.Length; i++)
        {
            var c = sentence[i];
            var unspaced = WritingScripts.IsUnspaced(c);
            var isSpace = char.IsWhiteSpace(c);
            if (unspaced || (!isSpace && !inWord))
            {
                words++;
                if (words > maxWords)
                {
                    break;
                }
            }

            inWord = !isSpace && !unspaced;
            if (c is '，' or '；' or '：' && i > 0 && words >= minWords)
            {
                (boundaries ??= []).Add(i);
                continue;
            }

            var boundary = c is ',' or ';' or ':' ? i : c is '–' or '—' && i > 0 && char.IsWhiteSpace(sentence[i - 1]) ? i - 1 : -1;
            if (boundary > 0 && i + 1 < sentence.Length && char.IsWhiteSpace(sentence[i + 1]) && words >= minWords)
            {
                (boundaries ??= []).Add(boundary);
            }
        }

        for (var b = (boundaries?.Count ?? 0) - 1; b >= 0; b--)
        {
            if (MainClause.HasMainVerb(language, sentence[..boundaries![b]]))
                return boundaries[b];
        }

        return null;
    }

    /// <returns>
    /// The length in characters of the sentence's first <paramref name="maxWords"/> words (counted as
    /// <see cref="WordCount"/> does), without the space or punctuation before the next one; at least one word.
    /// </returns>
    public static int Words(ReadOnlySpan<char> sentence, int maxWords)
    {
        var words = 0;
        var inWord = false;
        var endOfWords = sentence.Length;
        for (var i = 0; i < sentence.Length; i++)
        {
            var c = sentence[i];
            var unspaced = WritingScripts.IsUnspaced(c);
            var isSpace = char.IsWhiteSpace(c);
            if (unspaced || (!isSpace && !inWord))
            {
                if (++words > Math.Max(1, maxWords))
                {
                    endOfWords = i;
                    break;
                }
            }

            inWord = !isSpace && !unspaced;
        }

        var end = endOfWords;
        while (end > 1 && IsTrailing(sentence[end - 1])) end--;
        return end;
    }

    /// <summary>Spaces and punctuation left dangling by a cut (a comma, an opening bracket), not the closers of what came before.</summary>
    private static bool IsTrailing(char c) =>
        char.IsWhiteSpace(c) || (char.IsPunctuation(c) && c is not (')' or ']' or '»' or '”' or '"' or '」' or '』' or '）'));
}
