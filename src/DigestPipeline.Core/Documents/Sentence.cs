namespace DigestPipeline.Core.Documents;

/// <summary>A sentence of the normalised text. A heading or a list item is always a sentence of its own.</summary>
public sealed record Sentence(int Index, int Start, int Length, int BlockIndex, int SectionIndex);
