namespace DigestPipeline.Core.Themes;

/// <summary>
/// Which declared themes a document may be given: those without <see cref="ThemeDefinition.Requires"/>, and those
/// of whose required terms the document mentions at least one, anywhere, matched as keywords are.
/// </summary>
internal sealed class ThemeRequirements
{
    private readonly KeywordIndex _terms;
    private readonly bool[] _unconditional;

    private ThemeRequirements(KeywordIndex terms, bool[] unconditional)
    {
        _terms = terms;
        _unconditional = unconditional;
    }

    public static ThemeRequirements Build(ThemeTaxonomy taxonomy, string language) => new(
        KeywordIndex.BuildRequirements(taxonomy, language),
        taxonomy.Themes.Select(theme => theme.Requires.Values.All(terms => terms.Count == 0)).ToArray());

    /// <summary>Per theme of the taxonomy: true when the document meets its requirement (or it has none).</summary>
    public bool[] MetBy(AnalyzedDocument document)
    {
        var met = (bool[])_unconditional.Clone();
        var pending = met.Count(m => !m);
        var found = new List<KeywordMatch>();
        foreach (var sentence in document.Sentences)
        {
            if (pending == 0)
            {
                break;
            }

            found.Clear();
            ThemeMatcher.Match(sentence, _terms, document.Source.Text, document.Stems, found);
            foreach (var match in found)
            {
                if (!met[match.Theme])
                {
                    met[match.Theme] = true;
                    pending--;
                }
            }
        }

        return met;
    }
}
