using System.Globalization;
using System.Text;

namespace DigestPipeline.Core.Digests;

/// <summary>Small text helpers for digests: single-line values, word wrapping, underlines.</summary>
internal static class DigestText
{
    /// <summary>
    /// One line: every control or line/paragraph separator character becomes a space, runs of white space
    /// collapse to one, and the ends are trimmed. No-break spaces (French typography) are kept.
    /// </summary>
    public static string SingleLine(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsControl(c) || (char.IsWhiteSpace(c) && c is not ('\u00A0' or '\u202F' or '\u2007')))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Whether a sentence starts with an opening quotation mark or ends with a closing one.</summary>
    public static bool IsOwnQuotation(string sentence)
    {
        var text = sentence.AsSpan().Trim(" \u00A0\u202F");
        return text.Length > 0 && (text[0] is '«' or '“' or '„' or '‹' or '"' || text[^1] is '»' or '”' or '›' or '"');
    }

    /// <summary>Cuts <paramref name="value"/> to at most <paramref name="max"/> text elements, ending with "…" when cut.</summary>
    public static string Truncate(string value, int max)
    {
        var info = new StringInfo(value);
        if (info.LengthInTextElements <= max)
        {
            return value;
        }

        return info.SubstringByTextElements(0, Math.Max(0, max - 1)).TrimEnd() + "…";
    }

    public static int Width(string value) => new StringInfo(value).LengthInTextElements;

    /// <summary>
    /// Wraps at word boundaries so that no line is longer than <paramref name="width"/> (a longer word stays
    /// whole). Lines after the first start with <paramref name="indent"/>; the first line's prefix is the caller's.
    /// </summary>
    public static string Wrap(string value, int width, string indent, int firstLineUsed)
    {
        var words = SingleLine(value).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var builder = new StringBuilder(value.Length + 16);
        var column = firstLineUsed;
        var lineHasWord = false;
        foreach (var word in words)
        {
            var wordWidth = Width(word);
            if (lineHasWord && column + 1 + wordWidth > width)
            {
                builder.Append('\n').Append(indent);
                column = Width(indent);
                lineHasWord = false;
            }

            if (lineHasWord)
            {
                builder.Append(' ');
                column++;
            }

            builder.Append(word);
            column += wordWidth;
            lineHasWord = true;
        }

        return builder.ToString();
    }
}
