using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DigestPipeline.Core.Documents.Formats;

/// <summary>
/// Reads a Word document (DOCX) with the Open XML SDK, after <see cref="ZipPackageLimits"/> passed, with a cap on
/// the characters of any part and no DTD. Paragraph styles give the structure: "Title", "Heading 1…9" (or an
/// outline level) and list styles or numbering; style names are read from the styles part, so localised style
/// ids (Titre1, Überschrift1) work too. Paragraphs in tables are read in order; deleted revisions and field codes
/// are not text. The core property "title" is the title when no Title-styled paragraph opens the document.
/// </summary>
internal static class DocxExtractor
{
    public static (List<BlockDraft> Blocks, string? Title) Read(string sourceName, byte[] content, DocumentReaderOptions options, ReadBudget budget)
    {
        using (var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read))
        {
            ZipPackageLimits.Check(sourceName, archive, options);
        }

        var settings = new OpenSettings { MaxCharactersInPart = options.MaxDecompressedBytes };
        using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), isEditable: false, settings);
        var main = document.MainDocumentPart
                   ?? throw new DocumentRejectedException(RejectionReason.Malformed, $"'{sourceName}' is a Word package without a main document part.");
        var styles = StyleKinds(main);
        var collector = new BlockDraftCollector(budget);
        var body = main.Document?.Body;
        if (body is not null)
        {
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                collector.Add(KindOf(paragraph, styles), TextOf(paragraph));
            }
        }

        var startsWithTitle = collector.Drafts.Count > 0 && collector.Drafts[0].Kind == BlockKind.Title;
        var declared = document.PackageProperties.Title;
        return collector.Finish(declared, firstHeadingIsTitle: startsWithTitle);
    }

    private static BlockKind KindOf(Paragraph paragraph, Dictionary<string, BlockKind> styles)
    {
        var properties = paragraph.ParagraphProperties;
        var styleId = properties?.ParagraphStyleId?.Val?.Value;
        if (styleId is not null && styles.TryGetValue(styleId, out var kind)) return kind;
        if (properties?.OutlineLevel?.Val?.Value is < 9) return BlockKind.Heading;
        return properties?.NumberingProperties is not null ? BlockKind.ListItem : BlockKind.Paragraph;
    }

    /// <summary>Style id → block kind, following "based on" so that a custom style derived from Heading 2 is a heading.</summary>
    private static Dictionary<string, BlockKind> StyleKinds(MainDocumentPart main)
    {
        var kinds = new Dictionary<string, BlockKind>(StringComparer.OrdinalIgnoreCase);
        var styles = main.StyleDefinitionsPart?.Styles?.Elements<Style>().Where(s => s.StyleId?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase)
            ?? [];
        foreach (var id in styles.Keys)
        {
            var current = id;
            for (var hops = 0; hops < 10 && current is not null && styles.TryGetValue(current, out var style); hops++)
            {
                if (KindOfStyle(style) is { } kind)
                {
                    kinds[id] = kind;
                    break;
                }

                current = style.BasedOn?.Val?.Value;
            }
        }

        return kinds;
    }

    private static BlockKind? KindOfStyle(Style style)
    {
        var name = style.StyleName?.Val?.Value?.ToLowerInvariant() ?? "";
        if (name == "title") return BlockKind.Title;
        if (name.StartsWith("heading ", StringComparison.Ordinal)) return BlockKind.Heading;
        if (name.StartsWith("list", StringComparison.Ordinal)) return BlockKind.ListItem;
        if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is < 9) return BlockKind.Heading;
        if (style.StyleParagraphProperties?.NumberingProperties is not null) return BlockKind.ListItem;
        return null;
    }

    private static string TextOf(Paragraph paragraph)
    {
        var builder = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text text:
                    builder.Append(text.Text);
                    break;
                case TabChar or Break or CarriageReturn:
                    builder.Append(' ');
                    break;
                case NoBreakHyphen:
                    builder.Append('-');
                    break;
            }
        }

        return builder.ToString();
    }
}
