using System.Globalization;
using System.Text;
using DigestPipeline.Core.Documents.Formats;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DigestPipeline.Core.Documents;

/// <summary>
/// Finds the structure of a Markdown document with Markdig (CommonMark plus YAML front matter): ATX and setext
/// headings, paragraphs (block quotes included), list items at any depth. Only the text is kept: emphasis, links,
/// inline code and entities become plain text; code blocks, HTML blocks, images and thematic breaks are dropped.
/// A first-level heading at the top is the title (else the front matter's <c>title:</c>); the paragraph after the
/// title is the standfirst when it is a short lead. Markdig parses the whole text first (at most
/// <see cref="DocumentReaderOptions.MaxBytes"/>) into a tree of about 800 bytes per paragraph, so a text whose lines
/// could open more than <see cref="DocumentReaderOptions.MaxBlocks"/> blocks is refused before it is parsed
/// (<see cref="CountBlockStarts"/>); the walk checks the budget every few hundred blocks and inlines.
/// </summary>
internal static class MarkdownStructureReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    /// <returns>The blocks and the title (null when the document declares none).</returns>
    public static (List<BlockDraft> Blocks, string? Title) Read(string text, int maxBlocks, ReadBudget budget)
    {
        if (CountBlockStarts(text, maxBlocks, budget) > maxBlocks) throw BlockDraftCollector.TooManyBlocks(budget.SourceName, maxBlocks);
        var document = Parse(text, budget.SourceName);
        budget.ThrowIfExceeded();
        var drafts = new List<BlockDraft>();
        string? frontMatterTitle = null;
        var builder = new StringBuilder();
        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock yaml)
            {
                frontMatterTitle = FrontMatterTitle(yaml);
                continue;
            }

            Visit(block, drafts, builder, budget);
        }

        string? title = null;
        if (drafts.Count > 0 && drafts[0] is { Kind: BlockKind.Heading } top && IsFirstLevelHeadingAtTop(document))
        {
            title = top.Text;
            drafts[0] = top with { Kind = BlockKind.Title };
        }
        else if (!string.IsNullOrEmpty(frontMatterTitle))
        {
            title = frontMatterTitle;
        }

        DocumentLayout.MarkStandfirst(drafts);
        return (drafts, title);
    }

    /// <summary>
    /// The lines that can open a block, counted up to one past <paramref name="limit"/>: a line after a blank one,
    /// and a line opening with a heading, quote, table or list marker. At least as many as the blocks Markdig finds
    /// (a marker inside a wrapped paragraph counts too, so a text is refused only well past the cap).
    /// </summary>
    internal static int CountBlockStarts(string text, int limit, ReadBudget budget)
    {
        var starts = 0;
        var previousBlank = true;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            budget.Step();
            var trimmed = line.TrimStart(" \t");
            if (trimmed.IsEmpty)
            {
                previousBlank = true;
                continue;
            }

            if (previousBlank || trimmed[0] is '#' or '>' or '|' or '-' or '*' or '+' || char.IsAsciiDigit(trimmed[0]))
            {
                if (++starts > limit) return starts;
            }

            previousBlank = false;
        }

        return starts;
    }

    /// <summary>
    /// Markdig refuses input nested past its depth limit with an <see cref="ArgumentException"/> (10,000 emphases in
    /// one paragraph are enough): that upload is rejected, not left to fail every retry of its message.
    /// </summary>
    private static MarkdownDocument Parse(string text, string sourceName)
    {
        try
        {
            return Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException e)
        {
            throw new DocumentRejectedException(RejectionReason.Malformed, $"'{sourceName}' is Markdown that cannot be read: {e.Message}");
        }
    }

    private static bool IsFirstLevelHeadingAtTop(MarkdownDocument document)
    {
        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock or LinkReferenceDefinitionGroup or HtmlBlock) continue;
            return block is HeadingBlock { Level: 1 };
        }

        return false;
    }

    private static void Visit(Block block, List<BlockDraft> drafts, StringBuilder builder, ReadBudget budget)
    {
        budget.Step();
        switch (block)
        {
            case HeadingBlock heading:
                AddLeaf(heading.Inline, BlockKind.Heading, null, drafts, builder, budget);
                break;
            case ParagraphBlock paragraph:
                AddParagraph(paragraph.Inline, drafts, builder, budget);
                break;
            case ListBlock list:
                VisitList(list, drafts, builder, budget);
                break;
            case CodeBlock or HtmlBlock or ThematicBreakBlock or LinkReferenceDefinitionGroup or YamlFrontMatterBlock:
                break;
            case ContainerBlock container:
                foreach (var child in container) Visit(child, drafts, builder, budget);
                break;
        }
    }

    private static void VisitList(ListBlock list, List<BlockDraft> drafts, StringBuilder builder, ReadBudget budget)
    {
        var number = int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 1;
        foreach (var child in list)
        {
            if (child is not ListItemBlock item) continue;
            var marker = list.IsOrdered
                ? string.Create(CultureInfo.InvariantCulture, $"{(item.Order > 0 ? item.Order : number)}{list.OrderedDelimiter} ")
                : DocumentLayout.BulletMarker;
            number++;
            foreach (var part in item)
            {
                switch (part)
                {
                    case ParagraphBlock paragraph:
                        AddLeaf(paragraph.Inline, BlockKind.ListItem, marker, drafts, builder, budget);
                        break;
                    case HeadingBlock heading:
                        AddLeaf(heading.Inline, BlockKind.ListItem, marker, drafts, builder, budget);
                        break;
                    default:
                        Visit(part, drafts, builder, budget);
                        break;
                }
            }
        }
    }

    private static void AddLeaf(ContainerInline? inline, BlockKind kind, string? marker, List<BlockDraft> drafts, StringBuilder builder, ReadBudget budget)
    {
        builder.Clear();
        AppendText(inline, builder, budget);
        var text = TextNormaliser.CollapseSpaces(builder.ToString());
        if (text.Length > 0) drafts.Add(new BlockDraft(kind, text, marker));
    }

    /// <summary>A paragraph whose every line starts with a typographic bullet (•, ▪…) is a list written as plain text.</summary>
    private static void AddParagraph(ContainerInline? inline, List<BlockDraft> drafts, StringBuilder builder, ReadBudget budget)
    {
        builder.Clear();
        AppendText(inline, builder, budget);
        var raw = builder.ToString();
        if (IsTypographicBulletList(raw))
        {
            foreach (var line in raw.AsSpan().EnumerateLines())
            {
                var trimmed = line.Trim(" \t");
                var item = TextNormaliser.CollapseSpaces(trimmed[PlainTextStructureReader.BulletLength(trimmed)..]);
                if (item.Length > 0) drafts.Add(new BlockDraft(BlockKind.ListItem, item, DocumentLayout.BulletMarker));
            }

            return;
        }

        var text = TextNormaliser.CollapseSpaces(raw);
        if (text.Length > 0) drafts.Add(new BlockDraft(BlockKind.Paragraph, text));
    }

    private static bool IsTypographicBulletList(string raw)
    {
        foreach (var line in raw.AsSpan().EnumerateLines())
        {
            var trimmed = line.Trim(" \t");
            if (trimmed.IsEmpty) continue;
            if (trimmed[0] is '-' or '*' or '–' || PlainTextStructureReader.BulletLength(trimmed) == 0) return false;
        }

        return true;
    }

    private static void AppendText(ContainerInline? container, StringBuilder builder, ReadBudget budget)
    {
        if (container is null) return;
        foreach (var inline in container)
        {
            budget.Step();
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append('\n');
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case LinkInline { IsImage: true }:
                case HtmlInline:
                    break;
                case ContainerInline nested:
                    AppendText(nested, builder, budget);
                    break;
            }
        }
    }

    private static string? FrontMatterTitle(YamlFrontMatterBlock yaml)
    {
        for (var i = 0; i < yaml.Lines.Count; i++)
        {
            var span = yaml.Lines.Lines[i].Slice.AsSpan().Trim();
            if (!span.StartsWith("title:", StringComparison.OrdinalIgnoreCase)) continue;
            var value = span["title:".Length..].Trim().Trim("\"'");
            return value.IsEmpty ? null : TextNormaliser.CollapseSpaces(value);
        }

        return null;
    }
}
