namespace DigestPipeline.Core.Evaluation;

/// <summary>One document's summaries (the engine's and Lead-k's, one string a sentence) and their scores.</summary>
/// <param name="PredictedCategory">The strongest declared theme, when categories are evaluated and one has evidence.</param>
/// <param name="EngineStandAlone">How many of the engine's sentences stand on their own (<see cref="Summaries.StandAlone"/>).</param>
/// <param name="EngineOverBudget">Whether the engine's summary has more words or more sentences than the budget allows
/// (sentences of the text as given: under a <see cref="TextRelease.LowercasedLines"/> release, every released line a
/// summary sentence spans counts).</param>
/// <param name="EngineClauses">How many of the engine's sentences are a sentence's opening only (a clause cut, or the
/// opening words when nothing fits), and how many of those have no main verb by <see cref="Summaries.MainClause"/>'s rules.</param>
/// <param name="FirstWords">The text's first words, as many as the engine's summary has (<see cref="FirstWordsBaseline"/>).</param>
public sealed record DocumentEvaluation(
    string Id,
    string Language,
    IReadOnlyList<string> Engine,
    RougeScores EngineScores,
    IReadOnlyList<string> Lead,
    RougeScores LeadScores,
    string? Category,
    string? PredictedCategory,
    string FirstWords,
    RougeScores FirstWordsScores,
    int EngineStandAlone,
    bool EngineOverBudget = false,
    ClauseCuts EngineClauses = default);

/// <summary>Sentences cut to their opening, and how many of those have no main verb.</summary>
public readonly record struct ClauseCuts(int Cuts, int WithoutMainVerb);
