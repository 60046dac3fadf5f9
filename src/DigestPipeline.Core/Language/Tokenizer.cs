using System.Globalization;
using System.Runtime.CompilerServices;

namespace DigestPipeline.Core.Language;

/// <summary>
/// Splits text into words (letters, digits and combining marks), lower-cases them and looks their stems up in a
/// <see cref="StemmerCache"/>. Apostrophes and hyphens separate words, so <c>l’énergie</c> gives <c>l</c> (a stop
/// word: the elision is folded away) and <c>energ</c>, and <c>multi-agents</c> gives <c>multi</c>, <c>agent</c>.
/// Chinese and Japanese write no space between words, so a run of Han or kana is a clause, not a word: it gives its
/// overlapping pairs of characters (人工智能 → 人工, 工智, 智能), the usual way to index such text without a
/// dictionary (Lucene's CJK bigrams), and a lone character stands alone. A word longer than
/// <see cref="MaxWordLength"/> characters (Thai, say, also written without spaces) is looked up by its first
/// <see cref="MaxWordLength"/> rather than dropped: a sentence of such words would otherwise have no word, and could
/// be in no summary.
/// </summary>
internal static class Tokenizer
{
    private const int MaxWordLength = 64;

    public static List<Token> Tokenize(string text, StemmerCache stems) => Tokenize(text, 0, text.Length, stems, []);

    /// <param name="contentWordsOnly">Leave the stop words out.</param>
    public static List<Token> Tokenize(string text, int start, int length, StemmerCache stems, List<Token> into, bool contentWordsOnly = false)
    {
        Span<char> buffer = stackalloc char[MaxWordLength];
        var end = start + length;
        var i = start;
        while (i < end)
        {
            if (!IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var j = i + 1;
            if (WritingScripts.IsUnspaced(text[i]))
            {
                while (j < end && WritingScripts.IsUnspaced(text[j]))
                {
                    j++;
                }

                for (var pair = i; pair == i || pair + 1 < j; pair++)
                {
                    Add(text, pair, Math.Min(2, j - pair), stems, buffer, into, contentWordsOnly);
                }

                i = j;
                continue;
            }

            // Most words: ASCII letters and digits, measured and packed 16 characters at a time, when what ends them
            // is not a letter that would continue them (any other word goes through the loop below).
            if (char.IsAscii(text[i]) && AsciiWordRun.Measure(text, i, end, out var runLow, out var runHigh) is var run and > 0
                && (i + run == end || char.IsAscii(text[i + run])))
            {
                AddWord(text, i, run, stems, buffer, into, contentWordsOnly, runLow, runHigh);
                i += run;
                continue;
            }

            // The word's PackedWordKey.TryPackLatin1Long keys are packed while it is scanned, so that the stem cache need
            // not read its characters again (0 when it has a character past Latin-1 or more than 16): "été", "Société"
            // and "Straße" take the table's fast path as ASCII words do, without lower-casing nor hashing characters.
            var low = PackedWordKey.Latin1Byte(text[i]);
            var high = 0UL;
            var packable = low != 0;
            while (j < end)
            {
                var c = text[j];
                ulong packed;
                if (char.IsAscii(c))
                {
                    if (!char.IsAsciiLetterOrDigit(c))
                    {
                        break;
                    }

                    packed = PackedWordKey.Latin1Byte(c);
                }
                else if (IsNonAsciiWordChar(c))
                {
                    packed = PackedWordKey.Latin1Byte(c);
                    packable &= packed != 0;
                }
                else
                {
                    break;
                }

                var at = j - i;
                if (at < PackedWordKey.MaxLength)
                {
                    low |= packed << (8 * at);
                }
                else if (at < PackedWordKey.MaxLongLength)
                {
                    high |= packed << (8 * (at - PackedWordKey.MaxLength));
                }

                j++;
            }

            var packedWord = packable && j - i <= PackedWordKey.MaxLongLength;
            AddWord(text, i, j - i, stems, buffer, into, contentWordsOnly, packedWord ? low : 0, packedWord ? high : 0);
            i = j;
        }

        return into;
    }

    private static void Add(string text, int start, int length, StemmerCache stems, Span<char> buffer, List<Token> into, bool contentWordsOnly)
    {
        var word = stems.Find(text.AsSpan(start, Math.Min(length, MaxWordLength)), buffer);
        if (!(contentWordsOnly && word.IsStop))
        {
            into.Add(new Token(start, length, word.StemId, word.IsStop, word.StemStartsWithDigit));
        }
    }

    private static void AddWord(string text, int start, int length, StemmerCache stems, Span<char> buffer, List<Token> into, bool contentWordsOnly, ulong low, ulong high)
    {
        var word = low != 0 ? stems.Find(low, high, text.AsSpan(start, length), buffer) : stems.Find(text.AsSpan(start, Math.Min(length, MaxWordLength)), buffer);
        if (!(contentWordsOnly && word.IsStop))
        {
            into.Add(new Token(start, length, word.StemId, word.IsStop, word.StemStartsWithDigit));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLetterOrDigit(char c) => char.IsAscii(c) ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) => char.IsAscii(c) ? char.IsAsciiLetterOrDigit(c) : IsNonAsciiWordChar(c);

    /// <remarks>No combining mark comes before U+0300: the common separators (spaces, punctuation) need no category lookup.</remarks>
    private static bool IsNonAsciiWordChar(char c) =>
        (char.IsLetterOrDigit(c) && !WritingScripts.IsUnspaced(c))
        || (c >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark);
}
