using System.Net;
using Shouldly;
using System.Text;
using DigestPipeline.Core.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace DigestPipeline.Core.Tests.Documents.Formats;

/// <summary>
/// A document's blocks written out again as HTML, DOCX (Open XML SDK) and PDF (PdfPig's builder, Helvetica), the
/// way an author's tool would: title, headings, paragraphs and bulleted lists, each in that format's own markup.
/// </summary>
internal static class DocumentRenderings
{
    public static IEnumerable<(BlockKind Kind, string Text)> Parts(SourceDocument document) =>
        document.Blocks.Select(b => (b.Kind, document.Text.Substring(b.Start, b.Length)));

    public static byte[] Html(IEnumerable<(BlockKind Kind, string Text)> parts, string chrome = "")
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Le site</title>")
            .Append("<style>p { color: red }</style><script>var x = '<p>not text</p>';</script></head>\n<body>")
            .Append("<nav><ul><li>Accueil</li><li>Rubriques</li></ul></nav><header><p>Bandeau du site</p></header><main><article>\n")
            .Append(chrome);
        var inList = false;
        foreach (var (kind, text) in parts)
        {
            var encoded = WebUtility.HtmlEncode(text);
            if (kind != BlockKind.ListItem && inList)
            {
                html.Append("</ul>\n");
                inList = false;
            }

            switch (kind)
            {
                case BlockKind.Title:
                    html.Append("<h1>").Append(encoded).Append("</h1>\n");
                    break;
                case BlockKind.Heading:
                    html.Append("<h2>").Append(encoded).Append("</h2>\n");
                    break;
                case BlockKind.ListItem:
                    if (!inList) html.Append("<ul>\n");
                    inList = true;
                    html.Append("  <li>").Append(encoded).Append("</li>\n");
                    break;
                default:
                    html.Append("<p>").Append(encoded.Replace(". ", ".\n  ", StringComparison.Ordinal)).Append("</p>\n");
                    break;
            }
        }

        if (inList) html.Append("</ul>\n");
        html.Append("</article></main><aside>À lire aussi</aside><footer>© Le site</footer><iframe src=\"https://ads.example\"></iframe></body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    public static byte[] Docx(IEnumerable<(BlockKind Kind, string Text)> parts)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            // Localised style ids, as French Word writes them; the names are what identifies a built-in style.
            styles.Styles = new Styles(
                Style("Titre", "Title"),
                Style("Titre1", "heading 1"),
                Style("Paragraphedeliste", "List Paragraph"));
            var body = new Body();
            foreach (var (kind, text) in parts)
            {
                var style = kind switch
                {
                    BlockKind.Title => "Titre",
                    BlockKind.Heading => "Titre1",
                    BlockKind.ListItem => "Paragraphedeliste",
                    _ => null,
                };
                var properties = style is null ? new ParagraphProperties() : new ParagraphProperties(new ParagraphStyleId { Val = style });
                // Two runs per paragraph, as editors write them.
                var cut = text.IndexOf(' ', text.Length / 2);
                var runs = cut < 0
                    ? new[] { Run(text) }
                    : [Run(text[..cut]), Run(text[cut..])];
                body.Append(new Paragraph([properties, .. runs]));
            }

            main.Document = new Document(body);
        }

        return stream.ToArray();

        static Style Style(string id, string name) => new(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };

        static Run Run(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>
    /// The TrueType font embedded in the French PDF: PdfPig's builder writes the standard 14 fonts with their
    /// built-in encoding (StandardEncoding for Helvetica), which has no accented letters at all (à, é, ç throw
    /// "The font does not contain a character"), so French text needs an embedded font. DejaVu Sans comes with
    /// Debian's fonts-dejavu-core, which fontconfig (and so chromium) depends on.
    /// </summary>
    public const string TrueTypeFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    public const string BoldTrueTypeFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    /// <summary>
    /// A4 pages: title 20 pt, headings 14 pt (or <paramref name="headingSize"/>) in bold, text 10 pt, lines wrapped at
    /// about 90 characters; Helvetica (ASCII only) or DejaVu Sans; the standfirst in bold if <paramref name="boldStandfirst"/>.
    /// With two <paramref name="columns"/>, everything after the title flows down the left column, then the right
    /// one, then the next page's.
    /// </summary>
    public static byte[] Pdf(
        IEnumerable<(BlockKind Kind, string Text)> parts, bool standardFont, double headingSize = 14, bool boldStandfirst = false, int columns = 1)
    {
        var builder = new PdfDocumentBuilder();
        PdfDocumentBuilder.AddedFont regular, bold;
        if (standardFont)
        {
            regular = builder.AddStandard14Font(Standard14Font.Helvetica);
            bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        }
        else
        {
            File.Exists(TrueTypeFontPath).ShouldBeTrue($"{TrueTypeFontPath} is missing: apt-get install fonts-dejavu-core");
            regular = builder.AddTrueTypeFont(File.ReadAllBytes(TrueTypeFontPath));
            bold = builder.AddTrueTypeFont(File.ReadAllBytes(BoldTrueTypeFontPath));
        }

        const double top = 800, bottom = 50, columnStep = 265;
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var y = top;
        var columnTop = top;
        var column = 0;
        var left = 50d;
        BlockKind? previous = null;

        // Down the next column, or to the top of a new page.
        void Break()
        {
            if (++column < columns)
            {
                left += columnStep;
                y = columnTop;
                return;
            }

            page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            column = 0;
            left = 50;
            y = columnTop = top;
        }

        foreach (var (kind, text) in parts)
        {
            var (size, font, width) = kind switch
            {
                BlockKind.Title => (20d, bold, 45),
                BlockKind.Heading => (headingSize, bold, 65 / columns),
                BlockKind.Standfirst when boldStandfirst => (10d, bold, 90 / columns),
                _ => (10d, regular, 90 / columns),
            };
            // Space between blocks, none between the items of a list.
            if (previous is not null && !(previous == BlockKind.ListItem && kind == BlockKind.ListItem)) y -= 9;
            previous = kind;
            var lines = Wrap(kind == BlockKind.ListItem ? "• " + text : text, width);
            var needed = lines.Count * size * 1.25;
            if (y - needed < bottom && needed < top - bottom)
                Break();

            for (var i = 0; i < lines.Count; i++)
            {
                if (y < bottom)
                    Break();

                // A list item's wrapped lines hang under its text, after the bullet.
                var x = kind == BlockKind.ListItem && i > 0 ? left + 12 : left;
                page.AddText(lines[i], size, new PdfPoint(x, y), font);
                y -= size * 1.25;
            }

            if (kind == BlockKind.Title)
                columnTop = y - 9;
        }

        return builder.Build();
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }

        if (line.Length > 0) lines.Add(line.ToString());
        return lines;
    }
}
