using System.Collections.Frozen;

namespace DigestPipeline.Core.Language;

/// <summary>
/// The names of the languages the detector knows (<see cref="LanguageDetector.Languages"/>), in the two languages
/// digests and pages are written in: French, or English for any other. Written out rather than taken from
/// <see cref="System.Globalization.CultureInfo"/>, whose display names follow the process's UI culture, not the reader's.
/// </summary>
public static class LanguageNames
{
    /// <summary>French names as they read within a sentence: lower case ("en anglais").</summary>
    private static readonly FrozenDictionary<string, string> French = new Dictionary<string, string>
    {
        ["fr"] = "français",
        ["en"] = "anglais",
        ["de"] = "allemand",
        ["es"] = "espagnol",
        ["it"] = "italien",
        ["pt"] = "portugais",
        ["nl"] = "néerlandais",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> English = new Dictionary<string, string>
    {
        ["fr"] = "French",
        ["en"] = "English",
        ["de"] = "German",
        ["es"] = "Spanish",
        ["it"] = "Italian",
        ["pt"] = "Portuguese",
        ["nl"] = "Dutch",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The name of <paramref name="code"/> (an ISO 639-1 code, or a tag whose primary subtag is one) as it reads
    /// within a sentence in <paramref name="inLanguage"/>; the code in capitals for a language without a name here.
    /// </summary>
    public static string Of(string code, string? inLanguage)
    {
        var primary = LanguageTag.Primary(code);
        var names = LanguageTag.Primary(inLanguage) == "fr" ? French : English;
        return names.TryGetValue(primary, out var name) ? name : primary.ToUpperInvariant();
    }

    /// <summary>Whether both tables name <paramref name="code"/>.</summary>
    public static bool Has(string code) => French.ContainsKey(code) && English.ContainsKey(code);
}
