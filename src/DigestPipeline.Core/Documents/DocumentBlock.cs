namespace DigestPipeline.Core.Documents;

/// <summary>A structural unit of the normalised text: a title, standfirst, heading, paragraph or list item.</summary>
/// <param name="SectionIndex">Index into <see cref="SourceDocument.Sections"/>; the lead (title and standfirst) is section 0.</param>
public sealed record DocumentBlock(BlockKind Kind, int Start, int Length, int SectionIndex);

public enum BlockKind
{
    Title,
    Standfirst,
    Heading,
    Paragraph,
    ListItem,
}
