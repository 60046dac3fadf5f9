using DigestPipeline.Core.Localization;

namespace DigestPipeline.Core.Language;

/// <summary>
/// The names of the languages the detector knows (<see cref="LanguageDetector.Languages"/>), in the languages digests
/// and pages are written in (<c>Language/LanguageNameStrings*.resx</c>: English, the neutral file, and French), as
/// they read within a sentence. Written out rather than taken from <see cref="System.Globalization.CultureInfo"/>,
/// whose display names follow the process's UI culture, not the reader's.
/// </summary>
public static class LanguageNames
{
    /// <summary>The resource files: one name per ISO 639-1 code.</summary>
    public static TextCatalog Catalog { get; } = new(typeof(LanguageNames).Assembly, "DigestPipeline.Core.Language.LanguageNameStrings");

    /// <summary>
    /// The name of <paramref name="code"/> (an ISO 639-1 code, or a tag whose primary subtag is one) as it reads
    /// within a sentence in <paramref name="inLanguage"/>; the code in capitals for a language without a name here.
    /// </summary>
    public static string Of(string code, string? inLanguage)
    {
        var primary = LanguageTag.Primary(code);
        // The files also hold their own Language, Culture and PluralOne: no language code is that long.
        return primary.Length is 2 or 3 && Catalog.For(inLanguage).Find(primary) is { } name ? name : primary.ToUpperInvariant();
    }

    /// <summary>Whether the resource files name <paramref name="code"/> (every language's file has each name of the neutral one: a test holds them to it).</summary>
    public static bool Has(string code) => code.Length is 2 or 3 && Catalog.Neutral.Find(code) is not null;
}
