using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Language;

namespace DigestPipeline.Core.Summaries;

/// <summary>
/// The longest opening of a sentence that ends at a clause boundary (a comma, semicolon, colon or dash followed by a
/// space) and fits a number of words: how a sentence too long for a word budget can still say its main clause.
/// </summary>
internal static class ClausePrefix
{
    /// <summary>A prefix shorter than this share of the sentence's words has lost too much of it.</summary>
    private const double MinShare = 0.4;

    /// <summary>Nor may it be shorter than this many words.</summary>
    private const int MinWords = 8;

    /// <returns>The prefix's length in characters (the boundary mark excluded), or null when none fits.</returns>
    public static int? Find(ReadOnlySpan<char> sentence, int maxWords)
    {
        var total = WordCount.Of(sentence);
        var minWords = Math.Max(MinWords, (int)Math.Ceiling(MinShare * total));
        int? best = null;
        var words = 0;
        var inWord = false;
        for (var i = 0; i < sentence.Length; i++)
        {
            var c = sentence[i];
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inWord)
            {
                words++;
                if (words > maxWords)
                {
                    break;
                }
            }

            inWord = !isSpace;
            var boundary = c is ',' or ';' or ':' ? i : c is '–' or '—' && i > 0 && char.IsWhiteSpace(sentence[i - 1]) ? i - 1 : -1;
            if (boundary > 0 && i + 1 < sentence.Length && char.IsWhiteSpace(sentence[i + 1]) && words >= minWords)
            {
                best = boundary;
            }
        }

        return best;
    }
}
