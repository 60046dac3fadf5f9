using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Language;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Core.Summaries;

/// <summary>
/// Picks a summary's sentences among the ranked ones: maximal marginal relevance (good and different) within the
/// budget, in document order. A sentence that opens with a reference to the one before it
/// (<see cref="DependentOpening"/>: "Ce glissement…", "However, …") brings that one with it, both whole, its worth
/// discounted for the room the two take; when they do not fit, or the one before is a heading, it is passed over.
/// </summary>
internal static class SummarySelection
{
    private const double RedundancyPenalty = 0.35;
    private const double NearDuplicate = 0.7;
    private const double PairDiscount = 0.9;

    /// <summary>
    /// Picks sentences by maximal marginal relevance within the budget (a sentence that no longer fits is passed
    /// over for a shorter one, or, under a word budget, cut at a clause boundary when its main clause fits; when no
    /// candidate fits at all, the opening words within the budget of the best one whose opening has a main verb);
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
        var chosen = new HashSet<int>();
        var rankOf = new Dictionary<int, int>(ranked.Count);
        var needs = new int[ranked.Count];
        for (var i = 0; i < ranked.Count; i++)
        {
            var sentence = ranked[i].Sentence;
            rankOf[sentence] = i;
            needs[i] = sentence > 0 && DependentOpening.DependsOnPrevious(document.Source.Language, document.SentenceText(sentence)) ? sentence - 1 : -1;
        }

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

                var bringing = needs[i] >= 0 && !chosen.Contains(needs[i]);
                if (bringing)
                {
                    // Kept for later rounds: once the sentence it depends on is in, it may come alone.
                    if (redundancy[i] >= NearDuplicate || document.Sentences[needs[i]].IsHeading || !PairFits(needs[i], ranked[i].Sentence, document, budget, selected.Count, words))
                    {
                        continue;
                    }
                }

                var length = bringing ? document.SentenceText(ranked[i].Sentence).Length
                    : redundancy[i] < NearDuplicate ? FittingLength(ranked[i].Sentence, document, budget, selected.Count, words, ref wordCounts[i]) : null;
                if (length is null)
                {
                    remaining[i] = false;
                    remainingCount--;
                    continue;
                }

                var value = (ranked[i].Score - (RedundancyPenalty * redundancy[i])) * (bringing ? PairDiscount : 1);
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

            if (needs[best] >= 0 && !chosen.Contains(needs[best]))
            {
                var brought = needs[best];
                var isCandidate = rankOf.TryGetValue(brought, out var rank);
                selected.Add(new SelectedSentence(brought, isCandidate ? ranked[rank].Score : ranked[best].Score, document.SentenceText(brought).Length));
                if (isCandidate && remaining[rank])
                {
                    remaining[rank] = false;
                    remainingCount--;
                }

                Take(brought);
            }

            selected.Add(new SelectedSentence(ranked[best].Sentence, ranked[best].Score, bestLength));
            Take(ranked[best].Sentence, bestLength);
            remaining[best] = false;
            remainingCount--;
        }

        if (selected.Count == 0 && ranked.Count > 0 && budget.MaxWords is { } budgetWords)
        {
            // Every candidate is longer than the word budget and has no clause that fits: a candidate's opening
            // words stand for it, so that a document with text never has an empty summary; the best one whose
            // opening has a main verb, else the best.
            var language = document.Source.Language;
            var byScore = Enumerable.Range(0, ranked.Count).OrderByDescending(i => ranked[i].Score).ThenBy(i => ranked[i].Sentence).ToArray();
            var best = byScore[0];
            foreach (var i in byScore)
            {
                var text = document.SentenceText(ranked[i].Sentence);
                if (MainClause.HasMainVerb(language, text[..ClausePrefix.Words(text, budgetWords)]))
                {
                    best = i;
                    break;
                }
            }

            selected.Add(new SelectedSentence(ranked[best].Sentence, ranked[best].Score, ClausePrefix.Words(document.SentenceText(ranked[best].Sentence), budgetWords)));
        }

        // Counts a selected sentence's words and its likeness to every candidate still in the running.
        void Take(int sentence, int? length = null)
        {
            chosen.Add(sentence);
            var text = document.SentenceText(sentence);
            words += WordCount.Of(text[..(length ?? text.Length)]);
            using var row = similarity.RowOf(sentence);
            for (var i = 0; i < ranked.Count; i++)
            {
                if (remaining[i])
                {
                    redundancy[i] = Math.Max(redundancy[i], row.With(ranked[i].Sentence));
                }
            }
        }

        var inOrder = selected.ToArray();
        Array.Sort(inOrder, static (a, b) => a.Sentence.CompareTo(b.Sentence));
        return inOrder;
    }

    /// <summary>Whether a sentence and the one it depends on, both whole, fit after <paramref name="count"/> sentences and <paramref name="words"/> words.</summary>
    private static bool PairFits(int before, int sentence, AnalyzedDocument document, SummaryBudget budget, int count, int words) =>
        budget.Fits(count + 2, words + (budget.MaxWords is null ? 0 : document.WordCount(before) + document.WordCount(sentence)));

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

        return budget.MaxWords is { } maxWords && budget.Fits(count + 1, words) ? ClausePrefix.Find(text, maxWords - words, document.Source.Language) : null;
    }
}
