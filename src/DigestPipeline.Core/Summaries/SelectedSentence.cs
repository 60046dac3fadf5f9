namespace DigestPipeline.Core.Summaries;

/// <summary>A sentence picked for a summary: all of it, or its first <paramref name="Length"/> characters (a clause prefix).</summary>
internal readonly record struct SelectedSentence(int Sentence, double Score, int Length);
