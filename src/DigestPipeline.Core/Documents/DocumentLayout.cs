namespace DigestPipeline.Core.Documents;

/// <summary>
/// Lays the blocks found by a structure reader out into the normalised document text and records every block and
/// section as offsets into it. Each block is one line (but a paragraph of a text written one sentence a line, which
/// keeps its line feeds: <see cref="PlainTextStructureReader"/>); blocks are separated by a blank line, except consecutive
/// list items, which sit on consecutive lines, each after its marker ("• ", or "1. " for ordered Markdown lists).
/// Section 0 is the lead (its heading is the title); each heading opens the next section.
/// </summary>
internal static class DocumentLayout
{
    public const string BulletMarker = "• ";

    /// <summary>A paragraph right after the title is a standfirst when it is at most this long and more follows.</summary>
    public const int MaxStandfirstLength = 600;

    /// <param name="source">The text the blocks were read from, when it may already be laid out as they would be (a
    /// plain-text upload of a title and paragraphs separated by blank lines, the usual case): then it is the result,
    /// rather than a copy of it character for character.</param>
    public static (string Text, List<DocumentBlock> Blocks, List<DocumentSection> Sections) Lay(IReadOnlyList<BlockDraft> drafts, string title, string? source = null)
    {
        // First the offsets, then the text written once at its final length (no builder to copy from).
        var blocks = new List<DocumentBlock>(drafts.Count);
        var length = 0;
        var sectionIndex = 0;
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            length += i == 0 ? 0 : Separator(drafts[i - 1], draft).Length;
            if (draft.Kind == BlockKind.Heading) sectionIndex++;
            length += draft.Marker?.Length ?? 0;
            blocks.Add(new DocumentBlock(draft.Kind, length, draft.Content.Length, sectionIndex));
            length += draft.Content.Length;
        }

        var result = source is not null && source.Length == length && IsLaidOut(source, drafts) ? source : string.Create(length, drafts, static (text, drafts) =>
        {
            var at = 0;
            for (var i = 0; i < drafts.Count; i++)
            {
                var draft = drafts[i];
                if (i > 0) Append(text, ref at, Separator(drafts[i - 1], draft));
                if (draft.Marker is not null) Append(text, ref at, draft.Marker);
                Append(text, ref at, draft.Content.Span);
            }
        });
        return (result, blocks, BuildSections(result, blocks, title));
    }

    /// <summary>Whether <paramref name="text"/> is what laying the drafts out writes (its length already checked).</summary>
    private static bool IsLaidOut(string text, IReadOnlyList<BlockDraft> drafts)
    {
        var at = 0;
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            if ((i > 0 && !Matches(text, ref at, Separator(drafts[i - 1], draft)))
                || (draft.Marker is not null && !Matches(text, ref at, draft.Marker))
                || !MatchesContent(text, ref at, draft))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches(string text, ref int at, ReadOnlySpan<char> part)
    {
        if (!text.AsSpan(at).StartsWith(part, StringComparison.Ordinal))
        {
            return false;
        }

        at += part.Length;
        return true;
    }

    /// <summary>A draft read as a slice of this very text at this offset matches without comparing a character.</summary>
    private static bool MatchesContent(string text, ref int at, BlockDraft draft)
    {
        if (draft.IsSliceOf(text, at))
        {
            at += draft.Content.Length;
            return true;
        }

        return Matches(text, ref at, draft.Content.Span);
    }

    private static string Separator(BlockDraft previous, BlockDraft next) =>
        previous.Kind == BlockKind.ListItem && next.Kind == BlockKind.ListItem ? "\n" : "\n\n";

    private static void Append(Span<char> text, ref int at, ReadOnlySpan<char> part)
    {
        part.CopyTo(text[at..]);
        at += part.Length;
    }

    private static List<DocumentSection> BuildSections(string text, List<DocumentBlock> blocks, string title)
    {
        var sections = new List<DocumentSection>();
        var leadEnd = 0;
        var i = 0;
        for (; i < blocks.Count && blocks[i].SectionIndex == 0; i++) leadEnd = blocks[i].Start + blocks[i].Length;
        sections.Add(new DocumentSection(0, title, 0, leadEnd));

        while (i < blocks.Count)
        {
            var heading = blocks[i];
            var end = heading.Start + heading.Length;
            var j = i + 1;
            for (; j < blocks.Count && blocks[j].SectionIndex == heading.SectionIndex; j++) end = blocks[j].Start + blocks[j].Length;
            sections.Add(new DocumentSection(heading.SectionIndex, text.Substring(heading.Start, heading.Length), heading.Start, end - heading.Start));
            i = j;
        }

        return sections;
    }

    /// <summary>Marks the paragraph right after the title as the standfirst when it is a short lead followed by more text.</summary>
    public static void MarkStandfirst(List<BlockDraft> drafts)
    {
        if (drafts.Count < 3 || drafts[0].Kind != BlockKind.Title) return;
        var candidate = drafts[1];
        if (candidate.Kind == BlockKind.Paragraph && candidate.Content.Length <= MaxStandfirstLength)
        {
            drafts[1] = candidate with { Kind = BlockKind.Standfirst };
        }
    }
}
