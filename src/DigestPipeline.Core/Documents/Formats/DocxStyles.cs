using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DigestPipeline.Core.Documents.Formats;

/// <summary>
/// The block kind each paragraph style gives, read from the styles part by the styles' built-in names (so that
/// localised ids, French <c>Titre1</c> or German <c>Überschrift1</c>, work) and following "based on" chains. The
/// part is small (tens of KB as Word writes it) and read whole, under a cap of its own.
/// </summary>
internal static class DocxStyles
{
    /// <summary>Word's own styles part is 30–300 KB; one this large is not a style sheet.</summary>
    public const int MaxStylesBytes = 4 * 1024 * 1024;

    /// <summary>Style id → block kind, following "based on" so that a custom style derived from Heading 2 is a heading.</summary>
    public static Dictionary<string, BlockKind> Read(string sourceName, MainDocumentPart main)
    {
        var kinds = new Dictionary<string, BlockKind>(StringComparer.OrdinalIgnoreCase);
        if (main.StyleDefinitionsPart is not { } part) return kinds;

        using var stream = new CappedReadStream(part.GetStream(FileMode.Open, FileAccess.Read), MaxStylesBytes, () =>
            new DocumentRejectedException(RejectionReason.ExpandsTooMuch, string.Create(CultureInfo.InvariantCulture,
                $"'{sourceName}': its styles part expands past {MaxStylesBytes:N0} bytes, the limit for a DOCX's styles.")));
        using var reader = new OpenXmlPartReader(stream, part.Features, new OpenXmlPartReaderOptions { MaxCharactersInPart = MaxStylesBytes });
        if (!reader.Read() || reader.LoadCurrentElement() is not Styles styles) return kinds;

        var byId = styles.Elements<Style>().Where(s => s.StyleId?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var id in byId.Keys)
        {
            var current = id;
            for (var hops = 0; hops < 10 && current is not null && byId.TryGetValue(current, out var style); hops++)
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
}
