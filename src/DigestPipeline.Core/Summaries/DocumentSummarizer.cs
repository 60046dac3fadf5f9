using System.Collections.Concurrent;
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

    public DocumentSummaries Summarize(SourceDocument document, DateTimeOffset summarizedAt)
    {
        ArgumentNullException.ThrowIfNull(document);
        var analyzed = AnalyzedDocument.Analyze(document);
        var index = _indexes.GetOrAdd(analyzed.Stems.Language, language => KeywordIndex.Build(taxonomy, language));
        var evidence = ThemeEvidence.Collect(analyzed, index);
        var similarity = SentenceSimilarity.Build(analyzed);
        var budget = SummaryBudget.Of(Math.Max(1, options.MaxSentencesPerTheme), options.MaxWordsPerTheme);

        var themes = new List<ThemedSummary>();
        var kept = new List<int>();
        for (var t = 0; t < taxonomy.Themes.Count; t++)
        {
            var score = evidence.DocumentScores[t];
            if (score < options.MinThemeEvidence)
            {
                continue;
            }

            var theme = t;
            var candidates = analyzed.Sentences
                .Select(s => new RankingCandidate(s.Index, evidence.For(s.Index, theme), evidence.Heading(s.SectionIndex, theme) > 0))
                .Where(c => c.Evidence > 0);
            var ranked = SentenceRanker.Score(analyzed, similarity, candidates);
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
                Sentences(analyzed, SentenceRanker.Select(ranked, similarity, budget, analyzed)),
                KeyPhraseExtractor.Extract(analyzed, similarity, ranked, s => evidence.Matches(s).Where(m => m.Theme == theme))));
        }

        foreach (var discovered in DiscoveredThemes.Find(evidence, kept))
        {
            var candidates = analyzed.Sentences
                .Where(s => s.SectionIndex == discovered.SectionIndex)
                .Select(s => new RankingCandidate(s.Index, 1.0, UnderThemeHeading: discovered.SectionIndex > 0));
            var ranked = SentenceRanker.Score(analyzed, similarity, candidates);
            if (ranked.Length == 0)
            {
                continue;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["en"] = discovered.Heading };
            if (analyzed.Stems.Language != "und")
            {
                labels[analyzed.Stems.Language] = discovered.Heading;
            }

            var score = options.MinThemeEvidence * Math.Min(2.0, 1.0 + (0.1 * ranked.Length));
            themes.Add(new ThemedSummary(
                discovered.Id,
                labels,
                Discovered: true,
                Math.Round(score, 4),
                Sentences(analyzed, SentenceRanker.Select(ranked, similarity, budget, analyzed)),
                KeyPhraseExtractor.Extract(analyzed, similarity, ranked, _ => [],
                    analyzed.Sentences.FirstOrDefault(s => s.SectionIndex == discovered.SectionIndex && s.IsHeading))));
        }

        var ordered = themes
            .OrderByDescending(t => t.Score)
            .ThenBy(t => t.Discovered)
            .ThenBy(t => t.ThemeId, StringComparer.Ordinal)
            .Take(Math.Max(0, options.MaxThemesPerDocument))
            .ToArray();
        return new DocumentSummaries(document.Id, document.SourceName, document.Title, document.Language, summarizedAt, ordered);
    }

    /// <summary>
    /// The generic summary: the document's best sentences whatever their theme, within the budget, in document
    /// order (see <see cref="SentenceRanker.ScoreGeneric"/> for what makes a sentence good under each budget). For evaluation, and for documents
    /// without themes.
    /// </summary>
    public IReadOnlyList<SummarySentence> SummarizeGeneric(SourceDocument document, SummaryBudget budget)
    {
        ArgumentNullException.ThrowIfNull(document);
        var analyzed = AnalyzedDocument.Analyze(document);
        var similarity = SentenceSimilarity.Build(analyzed);
        var ranked = SentenceRanker.ScoreGeneric(analyzed, similarity, budget);
        return Sentences(analyzed, SentenceRanker.Select(ranked, similarity, budget, analyzed));
    }

    /// <summary>Every declared theme's evidence in the document, strongest first (ties by taxonomy order).</summary>
    public IReadOnlyList<ThemeScore> ScoreThemes(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var analyzed = AnalyzedDocument.Analyze(document);
        var index = _indexes.GetOrAdd(analyzed.Stems.Language, language => KeywordIndex.Build(taxonomy, language));
        var evidence = ThemeEvidence.Collect(analyzed, index);
        return
        [
            .. taxonomy.Themes
                .Select((theme, t) => new ThemeScore(theme.Id, Math.Round(evidence.DocumentScores[t], 4)))
                .OrderByDescending(s => s.Score),
        ];
    }

    private static SummarySentence[] Sentences(AnalyzedDocument document, IEnumerable<SelectedSentence> selected) =>
    [
        .. selected.Select(r =>
        {
            var sentence = document.Sentences[r.Sentence].Source;
            return new SummarySentence(
                document.Source.Id,
                sentence.SectionIndex,
                document.SectionHeading(sentence.SectionIndex),
                sentence.Start,
                r.Length,
                document.Source.Text.Substring(sentence.Start, r.Length),
                r.Score,
                IsClause: r.Length < sentence.Length);
        }),
    ];
}
