namespace DigestPipeline.Core.Evaluation;

/// <summary>The documents of one evaluation run and their mean scores (F1 × 100, as published figures are given).</summary>
public sealed record EvaluationReport(IReadOnlyList<DocumentEvaluation> Documents, long TextBytes, TimeSpan EngineTime)
{
    public MeanRouge Engine => MeanRouge.Of(Documents.Select(d => d.EngineScores));

    public MeanRouge Lead => MeanRouge.Of(Documents.Select(d => d.LeadScores));

    /// <summary>Share of the engine's summary sentences that stand on their own, over all documents.</summary>
    public double StandAloneShare
    {
        get
        {
            var sentences = Documents.Sum(d => d.Engine.Count);
            return sentences == 0 ? 1 : (double)Documents.Sum(d => d.EngineStandAlone) / sentences;
        }
    }

    /// <summary>How many of the engine's summaries exceed the budget (<see cref="DocumentEvaluation.EngineOverBudget"/>): must be 0.</summary>
    public int OverBudget => Documents.Count(d => d.EngineOverBudget);

    /// <summary>The engine's sentences cut to their opening, over all documents, and those without a main verb.</summary>
    public ClauseCuts Clauses => new(Documents.Sum(d => d.EngineClauses.Cuts), Documents.Sum(d => d.EngineClauses.WithoutMainVerb));

    public MeanRouge FirstWords => MeanRouge.Of(Documents.Select(d => d.FirstWordsScores));

    public double MeanEngineWords => Documents.Count == 0 ? 0 : Documents.Average(d => d.Engine.Sum(s => DigestPipeline.Core.Language.WordCount.Of(s)));

    public double MeanFirstWords => Documents.Count == 0 ? 0 : Documents.Average(d => DigestPipeline.Core.Language.WordCount.Of(d.FirstWords));

    public double MeanLeadWords => Documents.Count == 0 ? 0 : Documents.Average(d => d.Lead.Sum(s => DigestPipeline.Core.Language.WordCount.Of(s)));

    /// <summary>Share of the documents with a category whose strongest theme is that category; null without categories.</summary>
    public double? CategoryAccuracy
    {
        get
        {
            var labelled = Documents.Where(d => d.Category is not null).ToArray();
            return labelled.Length == 0 ? null : (double)labelled.Count(d => d.PredictedCategory == d.Category) / labelled.Length;
        }
    }

    /// <summary>Engine throughput: text bytes (UTF-8) read, analysed and summarised per second of engine time.</summary>
    public double EngineMegabytesPerSecond => EngineTime > TimeSpan.Zero ? TextBytes / 1e6 / EngineTime.TotalSeconds : 0;
}

/// <summary>Mean ROUGE F1 × 100 over documents.</summary>
public readonly record struct MeanRouge(double Rouge1, double Rouge2, double RougeL)
{
    public static MeanRouge Of(IEnumerable<RougeScores> scores)
    {
        var all = scores.ToArray();
        return all.Length == 0
            ? default
            : new MeanRouge(100 * all.Average(s => s.Rouge1.F1), 100 * all.Average(s => s.Rouge2.F1), 100 * all.Average(s => s.RougeL.F1));
    }
}
