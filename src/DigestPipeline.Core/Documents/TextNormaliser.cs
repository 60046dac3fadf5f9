using System.Buffers;
using System.Text;

namespace DigestPipeline.Core.Documents;

/// <summary>
/// Character-level normalisation of decoded text: line feeds only, exotic spaces (NBSP, narrow NBSP, thin,
/// figure, em/en spaces…) to plain spaces, invisible characters (zero-width, soft hyphen, BOM, stray controls)
/// removed, then Unicode NFC. Typographic quotes, apostrophes, dashes and the ellipsis are content and are kept.
/// </summary>
internal static class TextNormaliser
{
    /// <param name="keepTabs">Markdown keeps tabs until parsed (they are indentation there); plain text maps them to spaces.</param>
    public static string NormaliseCharacters(string text, bool keepTabs)
    {
        var span = text.AsSpan();
        var special = keepTabs ? SpecialExceptTab : Special;
        var first = span.IndexOfAny(special);
        if (first < 0) return Compose(text);

        var builder = new StringBuilder(text.Length);
        var runStart = 0;
        for (var i = first; i < span.Length; i++)
        {
            var next = span[i..].IndexOfAny(special);
            if (next < 0) break;
            i += next;
            var c = span[i];
            var action = Classify(c, keepTabs);
            if (action == CharAction.Keep) continue;

            builder.Append(span[runStart..i]);
            runStart = i + 1;
            switch (action)
            {
                case CharAction.Space:
                    builder.Append(' ');
                    break;
                case CharAction.LineFeed:
                    builder.Append('\n');
                    if (c == '\r' && i + 1 < span.Length && span[i + 1] == '\n') i++;
                    runStart = i + 1;
                    break;
                case CharAction.Remove:
                    break;
            }
        }

        builder.Append(span[runStart..]);
        return Compose(builder.ToString());
    }

    private static string Compose(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>Every character <see cref="Classify"/> does not keep as it is, plus the tab.</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create(SpecialCharacters(includeTab: true));

    private static readonly SearchValues<char> SpecialExceptTab = SearchValues.Create(SpecialCharacters(includeTab: false));

    private static string SpecialCharacters(bool includeTab)
    {
        var builder = new StringBuilder();
        for (var c = '\0'; c < '\uFFFF'; c++)
        {
            if ((c != '\t' || includeTab) && Classify(c, keepTabs: !includeTab) != CharAction.Keep) builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Whitespace as far as the document structure is concerned (after <see cref="NormaliseCharacters"/>).</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t';

    /// <summary>Runs of whitespace (spaces, tabs, line feeds) collapsed into one space; leading and trailing whitespace trimmed.</summary>
    public static string CollapseSpaces(ReadOnlySpan<char> text)
    {
        text = text.Trim(" \t\n");
        if (text.IsEmpty) return string.Empty;
        if (!HasCollapsibleSpace(text)) return text.ToString();

        var builder = new StringBuilder(text.Length);
        var previousWasSpace = false;
        foreach (var c in text)
        {
            var isSpace = c is ' ' or '\t' or '\n';
            if (isSpace)
            {
                if (!previousWasSpace) builder.Append(' ');
            }
            else
            {
                builder.Append(c);
            }

            previousWasSpace = isSpace;
        }

        return builder.ToString();
    }

    /// <summary>Whether <see cref="CollapseSpaces"/> would return the text as it is (nothing to trim or collapse).</summary>
    public static bool IsCollapsed(ReadOnlySpan<char> text) =>
        !text.IsEmpty && text[0] is not (' ' or '\t' or '\n') && text[^1] is not (' ' or '\t' or '\n') && !HasCollapsibleSpace(text);

    private static bool HasCollapsibleSpace(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny('\t', '\n') >= 0) return true;
        return text.IndexOf("  ", StringComparison.Ordinal) >= 0;
    }

    private enum CharAction
    {
        Keep,
        Space,
        LineFeed,
        Remove,
    }

    private static CharAction Classify(char c, bool keepTabs) => c switch
    {
        '\n' => CharAction.Keep,
        '\r' or '\u0085' or '\u2028' or '\u2029' or '\f' => CharAction.LineFeed,
        '\t' => keepTabs ? CharAction.Keep : CharAction.Space,
        '\v' => CharAction.Space,
        '\u00A0' or '\u202F' or '\u2007' or '\u2009' or '\u200A' or '\u2008' or '\u205F' or '\u3000' or '\u1680'
            or (>= '\u2000' and <= '\u2006') => CharAction.Space,
        '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u180E' or '\u200E' or '\u200F' => CharAction.Remove,
        < ' ' or (>= '\u007F' and <= '\u009F') => CharAction.Remove,
        _ => CharAction.Keep,
    };
}
