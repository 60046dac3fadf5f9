namespace DigestPipeline.Core.Themes;

/// <summary>The declared themes, loaded from <c>themes.json</c>.</summary>
public sealed class ThemeTaxonomy(IReadOnlyList<ThemeDefinition> themes)
{
    public IReadOnlyList<ThemeDefinition> Themes { get; } = themes;

    public ThemeDefinition? Find(string id) => Themes.FirstOrDefault(t => t.Id == id);

    /// <exception cref="InvalidDataException">the file is not a valid taxonomy; the message says where.</exception>
    public static ThemeTaxonomy Load(Stream json) => throw new NotImplementedException();
}
