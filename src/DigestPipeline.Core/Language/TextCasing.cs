namespace DigestPipeline.Core.Language;

/// <summary>Whether a text is written without capitals, as a lower-cased release (CNN/DailyMail's) is.</summary>
internal static class TextCasing
{
    /// <summary>True when the text has lower-case letters and no capital (a text in a caseless script is not lower-cased).</summary>
    public static bool HasNoCapitals(ReadOnlySpan<char> text)
    {
        if (text.ContainsAnyInRange('A', 'Z')) return false;
        var lower = false;
        foreach (var c in text)
        {
            if (char.IsUpper(c)) return false;
            lower |= char.IsLower(c);
        }

        return lower;
    }
}
