using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Core.Summaries;

/// <summary>Scores sentences for the generic (all themes) summary, whatever their theme.</summary>
internal static class GenericSentenceRanker
{
    private const double SentenceBudgetLengthWeight = 0.3;
    private const double WordBudgetCentralityWeight = 0.2;
    private const double WordBudgetTitleWeight = 0.7;
    private const double WordBudgetPositionWeight = 0.3;
    private const double WordBudgetLengthWeight = 0.1;
    private const double QuotationPenalty = 0.7;

    /// <summary>
    /// Scores every body sentence (the first <see cref="SentenceRanker.MaxCandidates"/>) for a generic summary. The budget decides
    /// what a sentence is worth. Under a sentence budget, each slot is worth the information it carries: centrality
    /// on TextRank's overlap graph, which lets long sentences gather weight, and a length term. Under a word budget
    /// every word costs, as in a headline-sized brief: centrality on the cosine graph, the share of the title's
    /// words the sentence repeats, the opening of the text, and a penalty for sentences that open on a quotation.
    /// </summary>
    public static RankedSentence[] Score(AnalyzedDocument document, SentenceSimilarity similarity, SummaryBudget budget)
    {
        var body = new List<RankingCandidate>(Math.Min(document.Sentences.Count, SentenceRanker.MaxCandidates));
        AnalyzedSentence? title = null;
        foreach (var sentence in document.Sentences)
        {
            if (title is null && sentence.Kind == BlockKind.Title)
            {
                title = sentence;
            }

            if (document.IsCandidate(sentence) && body.Count < SentenceRanker.MaxCandidates)
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
        var centrality = LexRank.Centrality(kept, similarity, perWord ? SimilarityMeasure.Cosine : SimilarityMeasure.Overlap);
        var titleStems = title is null ? 0 : similarity.Shared(title.Index, title.Index);
        var ranked = new RankedSentence[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            var sentence = document.Sentences[kept[i].Sentence];
            var central = centrality[i];
            var length = Math.Log(1 + sentence.Words.Length);
            var score = perWord
                ? (WordBudgetCentralityWeight * central)
                    + (WordBudgetTitleWeight * (titleStems > 0 ? (double)similarity.Shared(title!.Index, sentence.Index) / titleStems : 0))
                    + (WordBudgetPositionWeight / Math.Sqrt(1 + i))
                    + (WordBudgetLengthWeight * length)
                : central + (SentenceBudgetLengthWeight * length);
            var quality = SentenceQuality.Of(document, sentence) * (perWord && SentenceQuality.OpensOnQuotation(document, sentence) ? QuotationPenalty : 1);
            ranked[i] = new RankedSentence(kept[i].Sentence, Math.Round(score * quality, 4));
        }

        return ranked;
    }
}
