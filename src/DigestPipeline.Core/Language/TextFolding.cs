using System.Globalization;
using System.Text;

namespace DigestPipeline.Core.Language;

/// <summary>Case and accent folding for matching (<c>Énergétique</c> → <c>energetique</c>) and slugs for discovered theme ids.</summary>
public static class TextFolding
{
    /// <summary>Lower-cases and removes diacritics; expands the ligatures œ, æ and ß.</summary>
    public static string Fold(string text)
    {
        var ascii = true;
        foreach (var c in text)
        {
            if (c > 0x7F || char.IsAsciiLetterUpper(c))
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return text;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    continue;
            }

            switch (c)
            {
                case 'œ' or 'Œ':
                    builder.Append("oe");
                    break;
                case 'æ' or 'Æ':
                    builder.Append("ae");
                    break;
                case 'ß':
                    builder.Append("ss");
                    break;
                default:
                    builder.Append(char.ToLowerInvariant(c));
                    break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A lower-case ASCII slug: <c>L’IA physique : la rupture</c> → <c>l-ia-physique-la-rupture</c>.</summary>
    public static string Slug(string text, int maxLength = 60)
    {
        var folded = Fold(text);
        var builder = new StringBuilder(Math.Min(folded.Length, maxLength));
        var dash = false;
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                dash = false;
                builder.Append(c);
                if (builder.Length >= maxLength)
                {
                    break;
                }
            }
            else
            {
                dash = true;
            }
        }

        return builder.ToString().TrimEnd('-');
    }
}
