using System.Runtime.InteropServices;

namespace DigestPipeline.Core.Documents;

/// <summary>
/// A block found by a structure reader before the document text is laid out: its kind, its clean one-line text (a paragraph of a text written one sentence a line keeps
/// its line feeds, where its sentences end),
/// and for list items the marker shown before it (not part of the block's span).
/// </summary>
/// <param name="Content">The block's text: a string of its own, or a slice of the text it was read from when that
/// already holds it as it is (a trimmed plain-text line without runs of spaces, most paragraphs), so that reading
/// does not copy every paragraph into a string of its own only for the layout to find it as it was.</param>
internal sealed record BlockDraft(BlockKind Kind, ReadOnlyMemory<char> Content, string? Marker = null)
{
    public BlockDraft(BlockKind kind, string text, string? marker = null)
        : this(kind, text.AsMemory(), marker)
    {
    }

    /// <summary>The text as a string: the draft's own, or a copy of its slice of the source.</summary>
    public string Text => MemoryMarshal.TryGetString(Content, out var text, out var start, out var length) && start == 0 && length == text.Length
        ? text
        : Content.ToString();

    /// <summary>Whether the draft is the slice of <paramref name="source"/> that starts at <paramref name="at"/>.</summary>
    public bool IsSliceOf(string source, int at) =>
        MemoryMarshal.TryGetString(Content, out var text, out var start, out _) && ReferenceEquals(text, source) && start == at;
}
