using System.Globalization;
using System.Runtime.CompilerServices;

namespace DigestPipeline.Core.Language;

/// <summary>
/// Splits text into words (letters, digits and combining marks), lower-cases them and looks their stems up in a
/// <see cref="StemmerCache"/>. Apostrophes and hyphens separate words, so <c>l’énergie</c> gives <c>l</c> (a stop
/// word: the elision is folded away) and <c>energ</c>, and <c>multi-agents</c> gives <c>multi</c>, <c>agent</c>.
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
            while (j < end && IsWordChar(text[j]))
            {
                j++;
            }

            var wordLength = j - i;
            if (wordLength <= MaxWordLength)
            {
                var word = stems.Find(text.AsSpan(i, wordLength), buffer);
                if (!(contentWordsOnly && word.IsStop))
                {
                    into.Add(new Token(i, wordLength, word.Stem, word.IsStop));
                }
            }

            i = j;
        }

        return into;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLetterOrDigit(char c) => char.IsAscii(c) ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) => char.IsAscii(c) ? char.IsAsciiLetterOrDigit(c) : IsNonAsciiWordChar(c);

    /// <remarks>No combining mark comes before U+0300: the common separators (spaces, punctuation) need no category lookup.</remarks>
    private static bool IsNonAsciiWordChar(char c) =>
        char.IsLetterOrDigit(c)
        || (c >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark);
}
