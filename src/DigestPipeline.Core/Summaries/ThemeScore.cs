namespace DigestPipeline.Core.Summaries;

/// <summary>How strongly a document speaks of one declared theme (see <see cref="SummarizerOptions.MinThemeEvidence"/>).</summary>
public readonly record struct ThemeScore(string ThemeId, double Score);
