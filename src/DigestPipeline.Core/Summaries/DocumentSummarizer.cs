using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Core.Summaries;

/// <summary>
/// Finds a document's themes (declared in the taxonomy, or discovered from its headings) and writes one extractive
/// summary per theme. Deterministic: the same document, taxonomy and options give the same summaries.
/// </summary>
public sealed class DocumentSummarizer(ThemeTaxonomy taxonomy, SummarizerOptions options)
{
    private readonly ConcurrentDictionary<string, KeywordIndex> _indexes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ThemeRequirements> _requirements = new(StringComparer.Ordinal);

    public DocumentSummaries Summarize(SourceDocument document, DateTimeOffset summarizedAt)
    {
        ArgumentNullException.ThrowIfNull(document);
        var analyzed = AnalyzedDocument.Analyze(document);
        var index = _indexes.GetOrAdd(analyzed.Stems.Language, language => KeywordIndex.Build(taxonomy, language));
        var evidence = ThemeEvidence.Collect(analyzed, index);

        // The requirements and the similarity graph only when a theme needs them: many documents reach no theme of
        // the taxonomy, and these were a tenth of their analysis.
        bool[]? allowed = null;
        SentenceSimilarity? similarity = null;
        var budget = SummaryBudget.Of(Math.Max(1, options.MaxSentencesPerTheme), options.MaxWordsPerTheme);

        var themes = new List<ThemedSummary>();
        var kept = new List<int>();
        var candidates = new List<RankingCandidate>();
        for (var t = 0; t < taxonomy.Themes.Count; t++)
        {
            var score = evidence.DocumentScores[t];
            if (score < options.MinThemeEvidence)
            {
                continue;
            }

            allowed ??= _requirements.GetOrAdd(analyzed.Stems.Language, language => ThemeRequirements.Build(taxonomy, language)).MetBy(analyzed);
            if (!allowed[t])
            {
                continue;
            }

            var theme = t;
            candidates.Clear();
            foreach (var sentence in analyzed.Sentences)
            {
                var own = evidence.For(sentence.Index, theme);
                var lastItem = IntroducedList.LastItem(analyzed, sentence.Index);
                for (var item = sentence.Index + 1; item <= lastItem; item++)
                {
                    own += evidence.Own(item, theme);
                }

                if (own > 0)
                {
                    candidates.Add(new RankingCandidate(sentence.Index, own, evidence.Heading(sentence.SectionIndex, theme) > 0));
                }
            }

            similarity ??= SentenceSimilarity.Build(analyzed);
            var ranked = SentenceRanker.Score(analyzed, similarity, CollectionsMarshal.AsSpan(candidates));
            if (ranked.Length == 0)
            {
                continue;
            }

            kept.Add(t);
            var definition = taxonomy.Themes[t];
            themes.Add(new ThemedSummary(
                definition.Id,
                definition.Labels,
                Discovered: false,
                Math.Round(score, 4),
                Sentences(analyzed, SummarySelection.Select(ranked, similarity, budget, analyzed), withLists: budget.MaxWords is null),
                KeyPhraseExtractor.Extract(analyzed, similarity, ranked, evidence, theme,
                    themeLabel: definition.Label(analyzed.Stems.Language))));
        }

        var discoveredThemes = DiscoveredThemes.Find(evidence, kept);
        var sections = discoveredThemes.Count > 0 ? SentencesBySection(analyzed) : [];
        foreach (var discovered in discoveredThemes)
        {
            candidates.Clear();
            AnalyzedSentence? heading = null;
            // A document without body text is one theme over all its headings.
            foreach (var sentence in analyzed.HasNoBody ? analyzed.Sentences : sections[discovered.SectionIndex])
            {
                candidates.Add(new RankingCandidate(sentence.Index, 1.0, UnderThemeHeading: discovered.SectionIndex > 0));
                heading ??= sentence.IsHeading ? sentence : null;
            }

            similarity ??= SentenceSimilarity.Build(analyzed);
            var ranked = SentenceRanker.Score(analyzed, similarity, CollectionsMarshal.AsSpan(candidates));
            if (ranked.Length == 0)
            {
                continue;
            }

            var keyPhrases = KeyPhraseExtractor.Extract(analyzed, similarity, ranked, evidence: null, theme: -1, heading);
            var name = discovered.Heading ?? NameFromKeyPhrases(keyPhrases, document.Title);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["en"] = name };
            if (analyzed.Stems.Language != "und")
            {
                labels[analyzed.Stems.Language] = name;
            }

            var score = options.MinThemeEvidence * Math.Min(2.0, 1.0 + (0.1 * ranked.Length));
            themes.Add(new ThemedSummary(
                discovered.Heading is null ? DiscoveredThemes.TopicId(name) : discovered.Id,
                labels,
                Discovered: true,
                Math.Round(score, 4),
                Sentences(analyzed, SummarySelection.Select(ranked, similarity, budget, analyzed), withLists: budget.MaxWords is null),
                keyPhrases));
        }

        return new DocumentSummaries(document.Id, document.SourceName, document.Title, document.Language, summarizedAt, Ordered(themes), document.SourceUrl);
    }

    /// <summary>
    /// The themes strongest first, then declared before discovered, then by id, at most
    /// <see cref="SummarizerOptions.MaxThemesPerDocument"/>: a stable sort (ties keep the order they were found in, as
    /// LINQ's OrderBy would), without the half-dozen objects and key arrays a LINQ ordering allocated per document.
    /// </summary>
    private ThemedSummary[] Ordered(List<ThemedSummary> themes)
    {
        var order = new int[themes.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var (x, y) = (themes[a], themes[b]);
            var byScore = y.Score.CompareTo(x.Score);
            if (byScore != 0) return byScore;
            var byKind = x.Discovered.CompareTo(y.Discovered);
            if (byKind != 0) return byKind;
            var byId = string.CompareOrdinal(x.ThemeId, y.ThemeId);
            return byId != 0 ? byId : a.CompareTo(b);
        });

        var ordered = new ThemedSummary[Math.Min(order.Length, Math.Max(0, options.MaxThemesPerDocument))];
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i] = themes[order[i]];
        }

        return ordered;
    }

    /// <summary>
    /// The generic summary: the document's best sentences whatever their theme, within the budget, in document
    /// order (see <see cref="GenericSentenceRanker.Score"/> for what makes a sentence good under each budget). For evaluation, and for documents
    /// without themes.
    /// </summary>
    public static IReadOnlyList<SummarySentence> SummarizeGeneric(SourceDocument document, SummaryBudget budget)
    {
        ArgumentNullException.ThrowIfNull(document);
        var analyzed = AnalyzedDocument.Analyze(document);
        var similarity = SentenceSimilarity.Build(analyzed);
        var ranked = GenericSentenceRanker.Score(analyzed, similarity, budget);
        return Sentences(analyzed, SummarySelection.Select(ranked, similarity, budget, analyzed), withLists: false);
    }

    /// <summary>
    /// Every declared theme's evidence in the document, strongest first (ties by taxonomy order); 0 for a theme whose
    /// <see cref="ThemeDefinition.Requires"/> the document does not meet.
    /// </summary>
    public IReadOnlyList<ThemeScore> ScoreThemes(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var analyzed = AnalyzedDocument.Analyze(document);
        var index = _indexes.GetOrAdd(analyzed.Stems.Language, language => KeywordIndex.Build(taxonomy, language));
        var evidence = ThemeEvidence.Collect(analyzed, index);
        var allowed = _requirements.GetOrAdd(analyzed.Stems.Language, language => ThemeRequirements.Build(taxonomy, language)).MetBy(analyzed);
        return
        [
            .. taxonomy.Themes
                .Select((theme, t) => new ThemeScore(theme.Id, allowed[t] ? Math.Round(evidence.DocumentScores[t], 4) : 0))
                .OrderByDescending(s => s.Score),
        ];
    }

    /// <summary>The two strongest key phrases, the first capitalised ("Tomates anciennes, compost"); the fallback when there are none.</summary>
    private static string NameFromKeyPhrases(IReadOnlyList<string> keyPhrases, string fallback)
    {
        if (keyPhrases.Count == 0)
        {
            return fallback;
        }

        var name = string.Join(", ", keyPhrases.Take(2));
        return char.ToUpper(name[0], System.Globalization.CultureInfo.InvariantCulture) + name[1..];
    }

    /// <summary>Each section's sentences, in document order (sections 0 to <see cref="AnalyzedDocument.SectionCount"/> - 1).</summary>
    private static List<AnalyzedSentence>[] SentencesBySection(AnalyzedDocument document)
    {
        var sections = new List<AnalyzedSentence>[document.SectionCount];
        for (var i = 0; i < sections.Length; i++)
        {
            sections[i] = [];
        }

        foreach (var sentence in document.Sentences)
        {
            if (sentence.SectionIndex >= 0 && sentence.SectionIndex < sections.Length)
            {
                sections[sentence.SectionIndex].Add(sentence);
            }
        }

        return sections;
    }

    /// <param name="withLists">A sentence that introduces a list carries it (<see cref="IntroducedList"/>); items it carries are not repeated.</param>
    private static SummarySentence[] Sentences(AnalyzedDocument document, IEnumerable<SelectedSentence> selected, bool withLists)
    {
        var summary = new List<SummarySentence>();
        var carriedUpTo = -1;
        foreach (var r in selected)
        {
            if (r.Sentence <= carriedUpTo)
            {
                continue;
            }

            var sentence = document.Sentences[r.Sentence].Source;
            var lastItem = withLists ? IntroducedList.LastItem(document, r.Sentence) : -1;
            var length = r.Length;
            if (lastItem >= 0)
            {
                var end = document.Sentences[lastItem].Source;
                length = end.Start + end.Length - sentence.Start;
                carriedUpTo = lastItem;
            }

            summary.Add(new SummarySentence(
                document.Source.Id,
                sentence.SectionIndex,
                document.SectionHeading(sentence.SectionIndex),
                sentence.Start,
                length,
                document.Source.Text.Substring(sentence.Start, length),
                r.Score,
                IsClause: length < sentence.Length));
        }

        return [.. summary];
    }
}
