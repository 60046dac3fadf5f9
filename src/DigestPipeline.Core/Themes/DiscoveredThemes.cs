using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Language;

namespace DigestPipeline.Core.Themes;

/// <summary>A theme found in the document itself: a headed section that no declared theme covers.</summary>
/// <param name="Id"><c>section-{slug of the heading}</c>; for an untitled document, set once its key phrases are known.</param>
/// <param name="Heading">The name; null for a document with neither headings nor a title of its own, to be named from its key phrases.</param>
internal sealed record DiscoveredTheme(string Id, string? Heading, int SectionIndex);

/// <summary>
/// Finds the headed sections that the declared themes kept for the document do not cover, and turns each into a
/// theme named from its heading. A section is covered when a kept theme's keywords are in its heading, or its body
/// holds enough of the theme's evidence (2 or more), or half of its sentences speak of the theme. When the document
/// has no theme at all otherwise (no headed section, or only headed sections without a body), its lead becomes one
/// theme named from the title, or, when the title only comes from the file name, from the theme's strongest key
/// phrases: so every document with body text has a summary. A document without body text (only headings) is that
/// one theme too, over all its headings (<see cref="AnalyzedDocument.IsCandidate"/>).
/// </summary>
internal static class DiscoveredThemes
{
    private const double CoveringEvidence = 2.0;
    private const double CoveringShare = 0.5;

    public static IReadOnlyList<DiscoveredTheme> Find(ThemeEvidence evidence, IReadOnlyCollection<int> keptThemes)
    {
        var document = evidence.Document;
        var bodies = document.Sentences.Where(s => !s.IsHeading && s.Words.Length > 0).GroupBy(s => s.SectionIndex)
            .ToDictionary(g => g.Key, g => g.ToArray());
        var headed = document.Sentences.Where(s => s.Kind == BlockKind.Heading && s.SectionIndex > 0)
            .Select(s => s.SectionIndex).Distinct().Order().ToArray();

        var found = new List<DiscoveredTheme>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in document.HasNoBody ? [] : headed)
        {
            if (!bodies.TryGetValue(section, out var body) || keptThemes.Any(t => Covers(evidence, t, section, body)))
            {
                continue;
            }

            Add(found, ids, document.SectionHeading(section), section);
        }

        if (found.Count == 0 && keptThemes.Count == 0 && (bodies.ContainsKey(0) || document.HasNoBody))
        {
            var hasTitle = document.Sentences.Any(s => s.Kind == BlockKind.Title);
            if (hasTitle)
            {
                Add(found, ids, document.SectionHeading(0), 0);
            }
            else
            {
                found.Add(new DiscoveredTheme("", null, 0));
            }
        }

        return found;
    }

    private static bool Covers(ThemeEvidence evidence, int theme, int section, AnalyzedSentence[] body)
    {
        if (evidence.Heading(section, theme) > 0)
        {
            return true;
        }

        var total = 0.0;
        var speaking = 0;
        foreach (var sentence in body)
        {
            var own = evidence.Own(sentence.Index, theme);
            total += own;
            speaking += own > 0 ? 1 : 0;
        }

        return total >= CoveringEvidence || speaking >= CoveringShare * body.Length;
    }

    /// <summary>The id of a theme named from key phrases: <c>topic-{slug of the name}</c>.</summary>
    public static string TopicId(string name) => "topic-" + TextFolding.Slug(name);

    private static void Add(List<DiscoveredTheme> found, HashSet<string> ids, string heading, int section)
    {
        heading = heading.Trim();
        var slug = TextFolding.Slug(heading);
        var id = "section-" + (slug.Length > 0 ? slug : section.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!ids.Add(id))
        {
            id = $"{id}-{section}";
            ids.Add(id);
        }

        found.Add(new DiscoveredTheme(id, heading, section));
    }
}
