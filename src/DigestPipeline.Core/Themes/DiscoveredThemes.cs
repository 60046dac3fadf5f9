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
        // Loops rather than LINQ (a grouping of every body sentence by section, a dictionary, a sorted copy of the
        // headed sections, on every document): most documents have no headed section, and then no body is gathered.
        var document = evidence.Document;
        List<DiscoveredTheme>? found = null;
        HashSet<string>? ids = null;
        var headed = document.HasNoBody ? [] : HeadedSections(document);
        var bodies = headed.Count > 0 ? Bodies(document) : [];
        foreach (var section in headed)
        {
            if (section >= bodies.Length || bodies[section] is not { } body || CoveredByAny(evidence, keptThemes, section, body))
            {
                continue;
            }

            Add(found ??= [], ids ??= new HashSet<string>(StringComparer.Ordinal), document.SectionHeading(section), section);
        }

        if (found is null && keptThemes.Count == 0 && (HasBody(document, 0) || document.HasNoBody))
        {
            found = [];
            var hasTitle = false;
            foreach (var sentence in document.Sentences)
            {
                hasTitle |= sentence.Kind == BlockKind.Title;
            }

            if (hasTitle)
            {
                Add(found, ids ??= new HashSet<string>(StringComparer.Ordinal), document.SectionHeading(0), 0);
            }
            else
            {
                found.Add(new DiscoveredTheme("", null, 0));
            }
        }

        return found ?? [];
    }

    /// <summary>The sections after the lead that have a heading, in increasing order, each once.</summary>
    private static List<int> HeadedSections(AnalyzedDocument document)
    {
        var headed = new List<int>();
        foreach (var sentence in document.Sentences)
        {
            if (sentence.Kind == BlockKind.Heading && sentence.SectionIndex > 0)
            {
                headed.Add(sentence.SectionIndex);
            }
        }

        headed.Sort();
        var distinct = 0;
        for (var i = 0; i < headed.Count; i++)
        {
            if (distinct == 0 || headed[distinct - 1] != headed[i])
            {
                headed[distinct++] = headed[i];
            }
        }

        headed.RemoveRange(distinct, headed.Count - distinct);
        return headed;
    }

    private static bool IsBody(AnalyzedSentence sentence) => !sentence.IsHeading && sentence.Words.Length > 0;

    /// <summary>Per section, its body sentences (not headings, with words) in document order; null for a section without any.</summary>
    private static List<AnalyzedSentence>?[] Bodies(AnalyzedDocument document)
    {
        var bodies = new List<AnalyzedSentence>?[document.SectionCount];
        foreach (var sentence in document.Sentences)
        {
            if (sentence.SectionIndex >= 0 && sentence.SectionIndex < bodies.Length && IsBody(sentence))
            {
                (bodies[sentence.SectionIndex] ??= []).Add(sentence);
            }
        }

        return bodies;
    }

    private static bool HasBody(AnalyzedDocument document, int section)
    {
        foreach (var sentence in document.Sentences)
        {
            if (sentence.SectionIndex == section && IsBody(sentence))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CoveredByAny(ThemeEvidence evidence, IReadOnlyCollection<int> keptThemes, int section, List<AnalyzedSentence> body)
    {
        foreach (var theme in keptThemes)
        {
            if (Covers(evidence, theme, section, body))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Covers(ThemeEvidence evidence, int theme, int section, List<AnalyzedSentence> body)
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

        return total >= CoveringEvidence || speaking >= CoveringShare * body.Count;
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
