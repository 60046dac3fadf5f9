using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Core.Summaries;

/// <summary>A sentence that may summarise a theme, with its evidence for the theme.</summary>
/// <param name="UnderThemeHeading">The sentence's section heading speaks of the theme.</param>
internal readonly record struct RankingCandidate(int Sentence, double Evidence, bool UnderThemeHeading);

/// <summary>A candidate with its score for the theme.</summary>
internal readonly record struct RankedSentence(int Sentence, double Score);

/// <summary>
/// Scores the candidate sentences of one theme (evidence, LexRank centrality among them, position and structure)
/// and picks a few that are both good and different (maximal marginal relevance), in document order.
/// </summary>
internal static class SentenceRanker
{
    /// <summary>Most candidates ranked per theme: bounds the quadratic centrality on long documents.</summary>
    public const int MaxCandidates = 200;

    private const double EvidenceWeight = 0.5;
    private const double CentralityWeight = 0.3;
    private const double PositionWeight = 0.2;
    private const double Damping = 0.85;
    private const double GenericCentralityWeight = 0.4;
    private const double GenericTitleWeight = 0.3;
    private const double GenericPositionWeight = 0.3;
    private const double RedundancyPenalty = 0.35;
    private const double NearDuplicate = 0.7;

    /// <summary>
    /// Scores the candidates (the best <see cref="MaxCandidates"/> by evidence), in document order. Evidence counts on
    /// a log scale so that one sentence crowded with keywords does not flatten all the others.
    /// </summary>
    public static RankedSentence[] Score(AnalyzedDocument document, SentenceSimilarity similarity, IEnumerable<RankingCandidate> candidates)
    {
        var kept = candidates
            .Where(c => !document.Sentences[c.Sentence].IsHeading && document.Sentences[c.Sentence].Words.Length > 0)
            .OrderByDescending(c => c.Evidence).ThenBy(c => c.Sentence)
            .Take(MaxCandidates)
            .OrderBy(c => c.Sentence)
            .ToArray();
        if (kept.Length == 0)
        {
            return [];
        }

        var centrality = LexRank(kept, similarity);
        var maxEvidence = kept.Max(c => c.Evidence);
        var maxCentrality = centrality.Max();
        var ranked = new RankedSentence[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            var sentence = document.Sentences[kept[i].Sentence];
            var position = Math.Min(1.0,
                (kept[i].UnderThemeHeading ? 0.6 : 0)
                + (sentence.FirstInSection ? 0.25 : 0)
                + (sentence.Kind == BlockKind.Standfirst ? 0.15 : 0));
            var score = (EvidenceWeight * (maxEvidence > 0 ? Math.Log(1 + kept[i].Evidence) / Math.Log(1 + maxEvidence) : 0))
                + (CentralityWeight * (maxCentrality > 0 ? centrality[i] / maxCentrality : 0))
                + (PositionWeight * position);
            ranked[i] = new RankedSentence(kept[i].Sentence, Math.Round(score * Quality(document, sentence), 4));
        }

        return ranked;
    }

    /// <summary>
    /// Scores every body sentence for a generic summary: LexRank centrality among all of them, closeness to the
    /// title, and position (news and reports say what matters first). The first <see cref="MaxCandidates"/>
    /// sentences compete.
    /// </summary>
    public static RankedSentence[] ScoreGeneric(AnalyzedDocument document, SentenceSimilarity similarity)
    {
        var kept = document.Sentences
            .Where(s => !s.IsHeading && s.Words.Length > 0)
            .Take(MaxCandidates)
            .Select(s => new RankingCandidate(s.Index, 1.0, UnderThemeHeading: false))
            .ToArray();
        if (kept.Length == 0)
        {
            return [];
        }

        var title = document.Sentences.FirstOrDefault(s => s.Kind == BlockKind.Title);
        var centrality = LexRank(kept, similarity);
        var maxCentrality = centrality.Max();
        var ranked = new RankedSentence[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            var sentence = document.Sentences[kept[i].Sentence];
            var titleSimilarity = title is null ? 0 : similarity.Cosine(title.Index, sentence.Index);
            var position = 1.0 / Math.Sqrt(1 + i);
            var score = (GenericCentralityWeight * (maxCentrality > 0 ? centrality[i] / maxCentrality : 0))
                + (GenericTitleWeight * titleSimilarity)
                + (GenericPositionWeight * position);
            ranked[i] = new RankedSentence(kept[i].Sentence, Math.Round(score * Quality(document, sentence), 4));
        }

        return ranked;
    }

    /// <summary>
    /// Picks sentences by maximal marginal relevance within the budget (a sentence that no longer fits is passed
    /// over for a shorter one); returns them in document order.
    /// </summary>
    /// <param name="wordCount">The sentence's length in words as <see cref="SummaryBudget.CountWords"/> counts them.</param>
    public static RankedSentence[] Select(IReadOnlyList<RankedSentence> ranked, SentenceSimilarity similarity, SummaryBudget budget, Func<int, int> wordCount)
    {
        var selected = new List<RankedSentence>();
        var words = 0;
        var remaining = ranked.ToList();
        while (remaining.Count > 0)
        {
            var best = -1;
            var bestValue = double.NegativeInfinity;
            for (var i = 0; i < remaining.Count; i++)
            {
                var redundancy = selected.Count == 0 ? 0 : selected.Max(s => similarity.Cosine(s.Sentence, remaining[i].Sentence));
                if (redundancy >= NearDuplicate || !budget.Fits(selected.Count + 1, words + wordCount(remaining[i].Sentence)))
                {
                    remaining.RemoveAt(i--);
                    continue;
                }

                var value = remaining[i].Score - (RedundancyPenalty * redundancy);
                if (value > bestValue || (value == bestValue && remaining[i].Sentence < remaining[best].Sentence))
                {
                    best = i;
                    bestValue = value;
                }
            }

            if (best < 0)
            {
                break;
            }

            selected.Add(remaining[best]);
            words += wordCount(remaining[best].Sentence);
            remaining.RemoveAt(best);
        }

        return [.. selected.OrderBy(s => s.Sentence)];
    }

    /// <summary>Continuous LexRank: PageRank over the cosine-similarity graph of the candidates.</summary>
    private static double[] LexRank(RankingCandidate[] candidates, SentenceSimilarity similarity)
    {
        var n = candidates.Length;
        var rank = new double[n];
        Array.Fill(rank, 1.0 / n);
        if (n == 1)
        {
            return rank;
        }

        var weights = new double[n, n];
        var rowSums = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var w = similarity.Cosine(candidates[i].Sentence, candidates[j].Sentence);
                weights[i, j] = w;
                weights[j, i] = w;
                rowSums[i] += w;
                rowSums[j] += w;
            }
        }

        var next = new double[n];
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var dangling = 0.0;
            for (var j = 0; j < n; j++)
            {
                if (rowSums[j] == 0)
                {
                    dangling += rank[j];
                }
            }

            var delta = 0.0;
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < n; j++)
                {
                    if (rowSums[j] > 0)
                    {
                        sum += rank[j] * weights[j, i] / rowSums[j];
                    }
                }

                next[i] = ((1 - Damping) / n) + (Damping * (sum + (dangling / n)));
                delta += Math.Abs(next[i] - rank[i]);
            }

            (rank, next) = (next, rank);
            if (delta < 1e-9)
            {
                break;
            }
        }

        return rank;
    }

    /// <summary>Fragments, sentences that only announce a list (ending with a colon) and very long ones read badly alone.</summary>
    private static double Quality(AnalyzedDocument document, AnalyzedSentence sentence)
    {
        var quality = 1.0;
        if (sentence.Words.Length < 4)
        {
            quality *= 0.6;
        }
        else if (sentence.Words.Length > 60)
        {
            quality *= 0.85;
        }

        var text = document.Source.Text.AsSpan(sentence.Source.Start, sentence.Source.Length).TrimEnd();
        if (text.Length > 0 && text[^1] == ':')
        {
            quality *= 0.7;
        }

        return quality;
    }
}
