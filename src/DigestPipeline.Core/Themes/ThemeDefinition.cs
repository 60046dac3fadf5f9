namespace DigestPipeline.Core.Themes;

/// <summary>A theme of the taxonomy that operators edit (<c>themes.json</c>).</summary>
/// <param name="Labels">Display label per language code (<c>fr</c>, <c>en</c>, ...).</param>
/// <param name="Keywords">Keywords and multi-word phrases per language code.</param>
public sealed record ThemeDefinition(
    string Id,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords)
{
    public string Label(string language) =>
        Labels.TryGetValue(language, out var label) ? label
        : Labels.TryGetValue("en", out var english) ? english
        : Id;
}
