namespace DigestPipeline.Core.Summaries;

/// <summary>One extracted sentence, with the place in the source it comes from.</summary>
/// <param name="Start">Character offset into the document's normalised text.</param>
/// <param name="Section">Heading of the section the sentence belongs to.</param>
/// <param name="IsClause">Only the sentence's opening clause, cut to fit a word budget: show it followed by "…".</param>
public sealed record SummarySentence(
    string DocumentId,
    int SectionIndex,
    string Section,
    int Start,
    int Length,
    string Text,
    double Score,
    bool IsClause = false);
