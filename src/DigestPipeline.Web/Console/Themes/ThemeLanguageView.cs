namespace DigestPipeline.Web.Console.Themes;

/// <summary>What a theme declares in one language: its label, description, keywords and required terms (each may be missing).</summary>
/// <param name="Requires">Terms of which a document must mention one for the theme to be considered; none: no condition.</param>
internal sealed record ThemeLanguageView(string Language, string Label, string Description, IReadOnlyList<string> Keywords, IReadOnlyList<string> Requires);
