namespace DigestPipeline.Core.Themes;

/// <summary>A theme of the taxonomy that operators edit (<c>themes.json</c>).</summary>
/// <param name="Labels">Display label per language code (<c>fr</c>, <c>en</c>, ...).</param>
/// <param name="Keywords">Keywords and multi-word phrases per language code.</param>
public sealed record ThemeDefinition(
    string Id,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords)
{
    /// <summary>
    /// Per language code, terms of which a document must mention at least one for the theme to be considered at all
    /// (none: no condition). They give no evidence themselves: they keep a theme of generic words (pipeline,
    /// governance, architecture) for the documents about its subject (AI).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Requires { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Per language code, one line that says what the theme covers, for the subscriber pages; none: the pages show the label alone.</summary>
    public IReadOnlyDictionary<string, string> Descriptions { get; init; } = new Dictionary<string, string>();

    /// <summary>The theme's line in <paramref name="language"/>, else in English; empty when it has neither.</summary>
    public string Description(string language) =>
        Descriptions.TryGetValue(language, out var line) ? line
        : Descriptions.TryGetValue("en", out var english) ? english
        : "";

    public string Label(string language) =>
        Labels.TryGetValue(language, out var label) ? label
        : Labels.TryGetValue("en", out var english) ? english
        : Id;
}
