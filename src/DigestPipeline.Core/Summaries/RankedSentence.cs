namespace DigestPipeline.Core.Summaries;

/// <summary>A candidate with its score for the theme (or for the generic summary).</summary>
internal readonly record struct RankedSentence(int Sentence, double Score);
