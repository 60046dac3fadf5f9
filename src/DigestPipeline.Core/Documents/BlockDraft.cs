namespace DigestPipeline.Core.Documents;

/// <summary>
/// A block found by a structure reader before the document text is laid out: its kind, its clean one-line text (a paragraph of a text written one sentence a line keeps
/// its line feeds, where its sentences end),
/// and for list items the marker shown before it (not part of the block's span).
/// </summary>
internal sealed record BlockDraft(BlockKind Kind, string Text, string? Marker = null);
