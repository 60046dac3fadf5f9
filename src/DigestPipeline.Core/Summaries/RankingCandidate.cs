namespace DigestPipeline.Core.Summaries;

/// <summary>A sentence that may summarise a theme, with its evidence for the theme.</summary>
/// <param name="UnderThemeHeading">The sentence's section heading speaks of the theme.</param>
internal readonly record struct RankingCandidate(int Sentence, double Evidence, bool UnderThemeHeading);
