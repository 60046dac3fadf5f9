namespace DigestPipeline.Web.Console.Themes;

/// <summary>One theme of the taxonomy as <c>themes.json</c> declares it, language by language, with its chart.</summary>
/// <param name="Label">Its English label (the console's language), else its id; <paramref name="Description"/> likewise, empty when none.</param>
internal sealed record ThemeView(string Id, string Label, string Description, IReadOnlyList<ThemeLanguageView> Languages, int KeywordCount, ThemeChartView Chart);
