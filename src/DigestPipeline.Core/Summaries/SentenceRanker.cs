using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Core.Summaries;

/// <summary>
/// Scores the candidate sentences of one theme: evidence, LexRank centrality among them, position and structure.
/// </summary>
internal static class SentenceRanker
{
    /// <summary>Most candidates ranked per theme: bounds the quadratic centrality on long documents.</summary>
    public const int MaxCandidates = 200;

    [ThreadStatic]
    private static List<RankingCandidate>? t_eligible;

    private const double EvidenceWeight = 0.5;
    private const double CentralityWeight = 0.3;
    private const double PositionWeight = 0.2;

    /// <summary>
    /// When the document has a section headed by the theme, a sentence elsewhere still counts by its evidence, but
    /// the section says it best.
    /// </summary>
    private const double OutsideThemeSection = 0.5;

    /// <summary>
    /// Scores the candidates (the best <see cref="MaxCandidates"/> by evidence), in document order. Evidence counts on
    /// a log scale so that one sentence crowded with keywords does not flatten all the others.
    /// </summary>
    public static RankedSentence[] Score(AnalyzedDocument document, SentenceSimilarity similarity, ReadOnlySpan<RankingCandidate> candidates)
    {
        var kept = Keep(document, candidates);
        if (kept.Length == 0)
        {
            return [];
        }

        var centrality = LexRank.Centrality(kept, similarity, SimilarityMeasure.Cosine);
        var hasThemeSection = false;
        var maxEvidence = kept[0].Evidence;
        foreach (var candidate in kept)
        {
            hasThemeSection |= candidate.UnderThemeHeading;
            maxEvidence = Math.Max(maxEvidence, candidate.Evidence);
        }

        // The denominator once per theme rather than once per candidate: the same value, one Log call fewer each.
        var logMaxEvidence = maxEvidence > 0 ? Math.Log(1 + maxEvidence) : 0;
        var ranked = new RankedSentence[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            var sentence = document.Sentences[kept[i].Sentence];
            var position = Math.Min(1.0,
                (kept[i].UnderThemeHeading ? 0.6 : 0)
                + (sentence.FirstInSection ? 0.25 : 0)
                + (sentence.Kind == BlockKind.Standfirst ? 0.15 : 0));
            var score = (EvidenceWeight * (maxEvidence > 0 ? Math.Log(1 + kept[i].Evidence) / logMaxEvidence : 0))
                + (CentralityWeight * centrality[i])
                + (PositionWeight * position);
            var placement = hasThemeSection && !kept[i].UnderThemeHeading ? OutsideThemeSection : 1;
            ranked[i] = new RankedSentence(kept[i].Sentence, Math.Round(score * placement * SentenceQuality.Of(document, sentence), 4));
        }

        return ranked;
    }

    /// <summary>
    /// The candidates that may be ranked (<see cref="AnalyzedDocument.IsCandidate"/>: body sentences with content words): the best <see cref="MaxCandidates"/>
    /// by evidence (ties by position), in document order.
    /// </summary>
    private static RankingCandidate[] Keep(AnalyzedDocument document, ReadOnlySpan<RankingCandidate> candidates)
    {
        // The thread's list, cleared: only the candidates kept are copied out, into an array of their size.
        var eligible = t_eligible ??= [];
        eligible.Clear();
        var inOrder = true;
        foreach (var candidate in candidates)
        {
            var sentence = document.Sentences[candidate.Sentence];
            if (document.IsCandidate(sentence))
            {
                inOrder &= eligible.Count == 0 || eligible[^1].Sentence < candidate.Sentence;
                eligible.Add(candidate);
            }
        }

        if (inOrder && eligible.Count <= MaxCandidates)
        {
            return [.. eligible];
        }

        // A long document's candidates are not kept alive for the thread's next document.
        if (eligible.Capacity > MaxCandidates)
        {
            t_eligible = null;
        }

        // The general case, as a stable sort by evidence then position, a cut, and a stable sort by position.
        var order = new int[eligible.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
            eligible[a].Evidence != eligible[b].Evidence ? eligible[b].Evidence.CompareTo(eligible[a].Evidence)
            : eligible[a].Sentence != eligible[b].Sentence ? eligible[a].Sentence.CompareTo(eligible[b].Sentence)
            : a.CompareTo(b));
        var best = order.AsSpan(0, Math.Min(order.Length, MaxCandidates)).ToArray();
        var rankOf = new int[eligible.Count];
        for (var r = 0; r < best.Length; r++)
        {
            rankOf[best[r]] = r;
        }

        Array.Sort(best, (a, b) => eligible[a].Sentence != eligible[b].Sentence ? eligible[a].Sentence.CompareTo(eligible[b].Sentence) : rankOf[a].CompareTo(rankOf[b]));
        var kept = new RankingCandidate[best.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            kept[i] = eligible[best[i]];
        }

        return kept;
    }
}
