namespace DigestPipeline.Core.Evaluation;

/// <summary>ROUGE-1, ROUGE-2 and ROUGE-L (LCS over the whole summary) of one summary against its reference.</summary>
public readonly record struct RougeScores(RougeScore Rouge1, RougeScore Rouge2, RougeScore RougeL);
