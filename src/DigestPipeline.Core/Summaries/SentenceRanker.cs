using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Core.Summaries;

/// <summary>A sentence that may summarise a theme, with its evidence for the theme.</summary>
/// <param name="UnderThemeHeading">The sentence's section heading speaks of the theme.</param>
internal readonly record struct RankingCandidate(int Sentence, double Evidence, bool UnderThemeHeading);

/// <summary>A candidate with its score for the theme.</summary>
internal readonly record struct RankedSentence(int Sentence, double Score);

/// <summary>A sentence picked for a summary: all of it, or its first <paramref name="Length"/> characters (a clause prefix).</summary>
internal readonly record struct SelectedSentence(int Sentence, double Score, int Length);

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
    private const double SentenceBudgetLengthWeight = 0.3;
    private const double WordBudgetCentralityWeight = 0.2;
    private const double WordBudgetTitleWeight = 0.7;
    private const double WordBudgetPositionWeight = 0.3;
    private const double WordBudgetLengthWeight = 0.1;
    private const double QuotationPenalty = 0.7;
    private const double FragmentPenalty = 0.4;
    private const double RedundancyPenalty = 0.35;

    /// <summary>
    /// When the document has a section headed by the theme, a sentence elsewhere still counts by its evidence, but
    /// the section says it best.
    /// </summary>
    private const double OutsideThemeSection = 0.5;
    private const double NearDuplicate = 0.7;

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

        var centrality = LexRank(kept, similarity, SimilarityMeasure.Cosine);
        var hasThemeSection = false;
        var maxEvidence = kept[0].Evidence;
        foreach (var candidate in kept)
        {
            hasThemeSection |= candidate.UnderThemeHeading;
            maxEvidence = Math.Max(maxEvidence, candidate.Evidence);
        }

        var maxCentrality = Max(centrality);
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
            var placement = hasThemeSection && !kept[i].UnderThemeHeading ? OutsideThemeSection : 1;
            ranked[i] = new RankedSentence(kept[i].Sentence, Math.Round(score * placement * Quality(document, sentence), 4));
        }

        return ranked;
    }

    /// <summary>
    /// Scores every body sentence (the first <see cref="MaxCandidates"/>) for a generic summary. The budget decides
    /// what a sentence is worth. Under a sentence budget, each slot is worth the information it carries: centrality
    /// on TextRank's overlap graph, which lets long sentences gather weight, and a length term. Under a word budget
    /// every word costs, as in a headline-sized brief: centrality on the cosine graph, the share of the title's
    /// words the sentence repeats, the opening of the text, and a penalty for sentences that open on a quotation.
    /// </summary>
    public static RankedSentence[] ScoreGeneric(AnalyzedDocument document, SentenceSimilarity similarity, SummaryBudget budget)
    {
        var body = new List<RankingCandidate>(Math.Min(document.Sentences.Count, MaxCandidates));
        AnalyzedSentence? title = null;
        foreach (var sentence in document.Sentences)
        {
            if (title is null && sentence.Kind == BlockKind.Title)
            {
                title = sentence;
            }

            if (!sentence.IsHeading && sentence.Words.Length > 0 && body.Count < MaxCandidates)
            {
                body.Add(new RankingCandidate(sentence.Index, 1.0, UnderThemeHeading: false));
            }
        }

        var kept = body.ToArray();
        if (kept.Length == 0)
        {
            return [];
        }

        var perWord = budget.MaxWords is not null;
        var centrality = LexRank(kept, similarity, perWord ? SimilarityMeasure.Cosine : SimilarityMeasure.Overlap);
        var maxCentrality = Max(centrality);
        var titleStems = title is null ? 0 : similarity.Shared(title.Index, title.Index);
        var ranked = new RankedSentence[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            var sentence = document.Sentences[kept[i].Sentence];
            var central = maxCentrality > 0 ? centrality[i] / maxCentrality : 0;
            var length = Math.Log(1 + sentence.Words.Length);
            var score = perWord
                ? (WordBudgetCentralityWeight * central)
                    + (WordBudgetTitleWeight * (titleStems > 0 ? (double)similarity.Shared(title!.Index, sentence.Index) / titleStems : 0))
                    + (WordBudgetPositionWeight / Math.Sqrt(1 + i))
                    + (WordBudgetLengthWeight * length)
                : central + (SentenceBudgetLengthWeight * length);
            var quality = Quality(document, sentence) * (perWord && OpensOnQuotation(document, sentence) ? QuotationPenalty : 1);
            ranked[i] = new RankedSentence(kept[i].Sentence, Math.Round(score * quality, 4));
        }

        return ranked;
    }

    /// <summary>
    /// Picks sentences by maximal marginal relevance within the budget (a sentence that no longer fits is passed
    /// over for a shorter one, or, under a word budget, cut at a clause boundary when its main clause fits);
    /// returns them in document order.
    /// </summary>
    public static SelectedSentence[] Select(IReadOnlyList<RankedSentence> ranked, SentenceSimilarity similarity, SummaryBudget budget, AnalyzedDocument document)
    {
        // Each candidate's redundancy (its highest similarity to a sentence already selected) is updated with the
        // newest selection only, so a round costs one similarity per remaining candidate.
        var selected = new List<SelectedSentence>();
        var words = 0;
        var redundancy = new double[ranked.Count];
        var remaining = new bool[ranked.Count];
        Array.Fill(remaining, true);
        var remainingCount = ranked.Count;
        var wordCounts = new int[ranked.Count];
        Array.Fill(wordCounts, -1);
        while (remainingCount > 0 && selected.Count < budget.MaxSentences)
        {
            var best = -1;
            var bestValue = double.NegativeInfinity;
            var bestLength = 0;
            for (var i = 0; i < ranked.Count; i++)
            {
                if (!remaining[i])
                {
                    continue;
                }

                var length = redundancy[i] < NearDuplicate ? FittingLength(ranked[i].Sentence, document, budget, selected.Count, words, ref wordCounts[i]) : null;
                if (length is null)
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
                    bestLength = length.Value;
                }
            }

            if (best < 0)
            {
                break;
            }

            selected.Add(new SelectedSentence(ranked[best].Sentence, ranked[best].Score, bestLength));
            words += SummaryBudget.CountWords(document.SentenceText(ranked[best].Sentence)[..bestLength]);
            remaining[best] = false;
            remainingCount--;
            for (var i = 0; i < ranked.Count; i++)
            {
                if (remaining[i])
                {
                    redundancy[i] = Math.Max(redundancy[i], similarity.Cosine(ranked[best].Sentence, ranked[i].Sentence));
                }
            }
        }

        var inOrder = selected.ToArray();
        Array.Sort(inOrder, static (a, b) => a.Sentence.CompareTo(b.Sentence));
        return inOrder;
    }

    /// <summary>
    /// The candidates that may be ranked (body sentences with content words): the best <see cref="MaxCandidates"/>
    /// by evidence (ties by position), in document order.
    /// </summary>
    private static RankingCandidate[] Keep(AnalyzedDocument document, ReadOnlySpan<RankingCandidate> candidates)
    {
        var eligible = new List<RankingCandidate>(Math.Min(candidates.Length, MaxCandidates));
        var inOrder = true;
        foreach (var candidate in candidates)
        {
            var sentence = document.Sentences[candidate.Sentence];
            if (!sentence.IsHeading && sentence.Words.Length > 0)
            {
                inOrder &= eligible.Count == 0 || eligible[^1].Sentence < candidate.Sentence;
                eligible.Add(candidate);
            }
        }

        if (inOrder && eligible.Count <= MaxCandidates)
        {
            return [.. eligible];
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

    private static double Max(double[] values)
    {
        var max = values[0];
        for (var i = 1; i < values.Length; i++)
        {
            max = Math.Max(max, values[i]);
        }

        return max;
    }

    /// <returns>
    /// The sentence's length in characters when it fits the budget after <paramref name="count"/> sentences and
    /// <paramref name="words"/> words, its main clause's when only that fits a word budget, else null.
    /// </returns>
    /// <param name="wordCount">The sentence's word count once known (-1 before): counted once per selection, not per round.</param>
    private static int? FittingLength(int sentence, AnalyzedDocument document, SummaryBudget budget, int count, int words, ref int wordCount)
    {
        var text = document.SentenceText(sentence);
        if (budget.MaxWords is null)
        {
            return budget.Fits(count + 1, words) ? text.Length : null;
        }

        if (wordCount < 0)
        {
            wordCount = document.WordCount(sentence);
        }

        if (budget.Fits(count + 1, words + wordCount))
        {
            return text.Length;
        }

        return budget.MaxWords is { } maxWords && budget.Fits(count + 1, words) ? ClausePrefix.Find(text, maxWords - words) : null;
    }

    /// <summary>
    /// Continuous LexRank: PageRank over the similarity graph of the candidates. The graph is sparse (only pairs
    /// sharing a term), so an iteration costs the number of edges, not n²; sums run in increasing neighbour order
    /// with the same terms as over a dense matrix, so the ranks are the same.
    /// </summary>
    private static double[] LexRank(RankingCandidate[] candidates, SentenceSimilarity similarity, SimilarityMeasure measure)
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

        var graph = similarity.Graph(sentences, measure);
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

    /// <summary>A piece of an enumeration (a list item that starts lower-case or ends on a comma or semicolon) says little alone.</summary>
    private static bool IsFragment(ReadOnlySpan<char> text)
    {
        var start = text.IndexOfAnyExcept("•·-–*0123456789.) ");
        return text.Length > 0 && ((start >= 0 && char.IsLower(text[start])) || text[^1] is ',' or ';');
    }

    private static bool OpensOnQuotation(AnalyzedDocument document, AnalyzedSentence sentence) =>
        document.SentenceText(sentence.Index) is [ '"' or '«' or '“' or '\'', ..];

    /// <summary>
    /// Fragments (few words, or a piece of an enumeration), sentences that announce a list that does not follow
    /// (ending with a colon) and very long ones read badly alone.
    /// </summary>
    private static double Quality(AnalyzedDocument document, AnalyzedSentence sentence)
    {
        var quality = 1.0;
        var introducesList = IntroducedList.LastItem(document, sentence.Index) >= 0;
        if (sentence.Words.Length < 4 && !introducesList)
        {
            quality *= 0.6;
        }
        else if (sentence.Words.Length > 60)
        {
            quality *= 0.85;
        }

        var text = document.Source.Text.AsSpan(sentence.Source.Start, sentence.Source.Length).TrimEnd();
        if (text.Length > 0 && text[^1] == ':' && !introducesList)
        {
            quality *= 0.7;
        }

        if (IsFragment(text))
        {
            quality *= FragmentPenalty;
        }

        return quality;
    }
}
