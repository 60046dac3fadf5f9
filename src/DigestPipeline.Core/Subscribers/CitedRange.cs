namespace DigestPipeline.Core.Subscribers;

/// <summary>A cited passage of a document: <c>[Start, End)</c> in UTF-16 code units of its normalised text.</summary>
public readonly record struct CitedRange(int Start, int End);
