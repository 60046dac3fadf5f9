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

    /// <summary>Picks at most <paramref name="max"/> sentences by maximal marginal relevance; returns them in document order.</summary>
    public static RankedSentence[] Select(IReadOnlyList<RankedSentence> ranked, SentenceSimilarity similarity, int max)
    {
        // Each candidate's redundancy (its highest similarity to a sentence already selected) is updated with the
        // newest selection only, so a round costs one similarity per remaining candidate.
        var selected = new List<RankedSentence>();
        var redundancy = new double[ranked.Count];
        var remaining = new bool[ranked.Count];
        Array.Fill(remaining, true);
        var remainingCount = ranked.Count;
        while (selected.Count < max && remainingCount > 0)
        {
            var best = -1;
            var bestValue = double.NegativeInfinity;
            for (var i = 0; i < ranked.Count; i++)
            {
                if (!remaining[i])
                {
                    continue;
                }

                if (redundancy[i] >= NearDuplicate)
                {
                    remaining[i] = false;
                    remainingCount--;
                    continue;
                }

                var value = ranked[i].Score - (RedundancyPenalty * redundancy[i]);
                if (value > bestValue || (value == bestValue && ranked[i].Sentence < ranked[best].Sentence))
                {
                    best = i;
                    bestValue = value;
                }
            }

            if (best < 0)
            {
                break;
            }

            selected.Add(ranked[best]);
            remaining[best] = false;
            remainingCount--;
            if (selected.Count == max)
            {
                break;
            }

            for (var i = 0; i < ranked.Count; i++)
            {
                if (remaining[i])
                {
                    redundancy[i] = Math.Max(redundancy[i], similarity.Cosine(ranked[best].Sentence, ranked[i].Sentence));
                }
            }
        }

        return [.. selected.OrderBy(s => s.Sentence)];
    }

    /// <summary>
    /// Continuous LexRank: PageRank over the cosine-similarity graph of the candidates. The graph is sparse (only
    /// pairs sharing a term), so an iteration costs the number of edges, not n²; sums run in increasing neighbour
    /// order with the same terms as over a dense matrix, so the ranks are the same.
    /// </summary>
    private static double[] LexRank(RankingCandidate[] candidates, SentenceSimilarity similarity)
    {
        var n = candidates.Length;
        var rank = new double[n];
        Array.Fill(rank, 1.0 / n);
        if (n == 1)
        {
            return rank;
        }

        var sentences = new int[n];
        for (var i = 0; i < n; i++)
        {
            sentences[i] = candidates[i].Sentence;
        }

        var graph = similarity.Graph(sentences);
        var next = new double[n];
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var dangling = 0.0;
            for (var j = 0; j < n; j++)
            {
                if (graph.WeightSum(j) == 0)
                {
                    dangling += rank[j];
                }
            }

            var delta = 0.0;
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                var neighbours = graph.Neighbours(i);
                var weights = graph.Weights(i);
                for (var e = 0; e < neighbours.Length; e++)
                {
                    var j = neighbours[e];
                    sum += rank[j] * weights[e] / graph.WeightSum(j);
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
