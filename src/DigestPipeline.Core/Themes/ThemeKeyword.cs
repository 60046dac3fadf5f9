namespace DigestPipeline.Core.Themes;

/// <summary>A keyword or phrase of a declared theme, as a sequence of folded stems (stop words dropped).</summary>
/// <param name="Theme">Index of the theme in the taxonomy.</param>
/// <param name="Weight">Evidence one occurrence gives: phrases are more specific than single words.</param>
/// <param name="WrittenWhole">The keyword is one content word and stop words ("start-up", "on stage"): it matches only
/// where the text writes it as it is, up to case and hyphens, not wherever that one word appears.</param>
internal sealed record ThemeKeyword(int Theme, string Text, string[] Stems, double Weight, bool WrittenWhole = false)
{
    /// <summary>Characters of <see cref="Text"/> before its first content word: 2 in "e-commerce".</summary>
    public int WrittenBefore { get; init; }

    /// <summary>
    /// Per content word, whether the keyword has stop words before it ("qualité des données"): where it has none, the
    /// text may have none either, so "power grid" is not found in "power the grid".
    /// </summary>
    public bool[] StopWordsBefore { get; init; } = [];
}
