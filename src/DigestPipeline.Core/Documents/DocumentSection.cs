namespace DigestPipeline.Core.Documents;

/// <summary>
/// A run of blocks under one heading. Section 0 is the lead (title, standfirst and anything before the first
/// heading); its <see cref="Heading"/> is the document title.
/// </summary>
public sealed record DocumentSection(int Index, string Heading, int Start, int Length);
