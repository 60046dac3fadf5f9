using System.ComponentModel.DataAnnotations;

namespace DigestPipeline.Core.Themes;

public sealed class ThemeTaxonomyOptions
{
    public const string Section = "Themes";

    /// <summary>Path of the taxonomy file, absolute or relative to the current directory.</summary>
    [Required]
    public string Path { get; set; } = "seeds/themes.json";
}
