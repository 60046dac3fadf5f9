using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>A source document as its page shows it: plain text (not yet encoded) and the ranges to highlight.</summary>
/// <param name="Highlights">Well-formed ranges inside <paramref name="Text"/>, in the link's order; they may overlap.</param>
public sealed record SourcePage(string DocumentId, string Title, string Language, string Text, IReadOnlyList<CitedRange> Highlights);
