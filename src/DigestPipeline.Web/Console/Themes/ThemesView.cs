namespace DigestPipeline.Web.Console.Themes;

/// <summary>The themes page: the taxonomy with each theme's 30-day chart, then the documents that matched no theme.</summary>
/// <param name="From">The chart's first day (UTC, <c>yyyy-MM-dd</c>); <paramref name="To"/> its last, today.</param>
/// <param name="KeywordLanguages">The languages the taxonomy has keywords in, as a list ("de, en, fr").</param>
/// <param name="NoThemeTotal">How many documents matched no theme; <paramref name="NoTheme"/> holds the newest of them.</param>
/// <param name="NoThemeIntro">That count in a sentence, in the language's plural form.</param>
internal sealed record ThemesView(
    IReadOnlyList<ThemeView> Themes,
    int Days,
    string From,
    string To,
    string KeywordLanguages,
    IReadOnlyList<NoThemeDocumentView> NoTheme,
    int NoThemeTotal,
    string NoThemeIntro);
