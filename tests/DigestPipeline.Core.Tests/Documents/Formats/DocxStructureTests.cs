using DigestPipeline.Core.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents.Formats;

/// <summary>
/// What Word writes beyond the seed's plain paragraphs: styles by name through "based on" chains, outline levels,
/// numbering, tables, tracked changes, fields and the core title property. Each document is built with the
/// Open XML SDK, as an editor would write it.
/// </summary>
public sealed class DocxStructureTests
{
    private const string Body = "Le conseil municipal a voté le budget des écoles après un long débat public.";

    private static Paragraph Para(string? style, params OpenXmlElement[] content)
    {
        var properties = style is null ? new ParagraphProperties() : new ParagraphProperties(new ParagraphStyleId { Val = style });
        return new Paragraph([properties, .. content]);
    }

    private static Run Run(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    internal static Style Style(string id, string name, string? basedOn = null, StyleParagraphProperties? properties = null)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        if (properties is not null) style.Append(properties);
        return style;
    }

    internal static byte[] Docx(IEnumerable<OpenXmlElement> body, IEnumerable<Style>? styles = null, string? coreTitle = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            if (styles is not null) main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(styles);
            main.Document = new Document(new Body(body));
            if (coreTitle is not null) document.PackageProperties.Title = coreTitle;
        }

        return stream.ToArray();
    }

    private static List<(BlockKind, string)> Blocks(byte[] docx)
    {
        var document = DocumentReading.Read("report.docx", docx);
        return document.Blocks.Select(b => (b.Kind, document.BlockText(b))).ToList();
    }

    [Fact]
    public void Styles_are_known_by_their_built_in_names_through_based_on_chains()
    {
        Style[] styles =
        [
            Style("Titre", "Title"),
            Style("Titre2", "heading 2"),
            Style("MonIntertitre", "Mon intertitre", basedOn: "Titre2"),
            Style("Puces", "List Bullet"),
            Style("Citation", "Quote", basedOn: "Normal"),
            Style("Normal", "Normal"),
        ];

        var blocks = Blocks(Docx(
        [
            Para("Titre", Run("Budget des écoles")),
            Para("Citation", Run(Body)),
            Para("MonIntertitre", Run("La cantine")),
            Para("Puces", Run("plus de moyens")),
            Para(null, Run(Body)),
        ], styles));

        blocks.ShouldBe([
            (BlockKind.Title, "Budget des écoles"), (BlockKind.Standfirst, Body), (BlockKind.Heading, "La cantine"),
            (BlockKind.ListItem, "plus de moyens"), (BlockKind.Paragraph, Body),
        ]);
    }

    [Fact]
    public void Outline_levels_and_numbering_make_headings_and_list_items_on_paragraphs_and_styles()
    {
        Style[] styles =
        [
            Style("Niveau", "Plan", properties: new StyleParagraphProperties(new OutlineLevel { Val = 1 })),
            Style("Numerote", "Numéroté", properties: new StyleParagraphProperties(new NumberingProperties(new NumberingId { Val = 1 }))),
        ];
        var outlined = new Paragraph(new ParagraphProperties(new OutlineLevel { Val = 0 }), Run("Le contexte"));
        var bodyText = new Paragraph(new ParagraphProperties(new OutlineLevel { Val = 9 }), Run(Body));
        var numbered = new Paragraph(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })), Run("un point"));

        var blocks = Blocks(Docx([Para(null, Run(Body)), outlined, bodyText, numbered, Para("Numerote", Run("un autre")), Para("Niveau", Run("La suite")), Para(null, Run(Body))], styles));

        blocks.ShouldBe([
            (BlockKind.Paragraph, Body), (BlockKind.Heading, "Le contexte"), (BlockKind.Paragraph, Body), (BlockKind.ListItem, "un point"),
            (BlockKind.ListItem, "un autre"), (BlockKind.Heading, "La suite"), (BlockKind.Paragraph, Body),
        ]);
    }

    [Fact]
    public void A_style_recorded_in_a_tracked_change_is_not_the_paragraphs_style()
    {
        Style[] styles = [Style("Titre1", "heading 1")];
        // The paragraph was a heading before the change; only its current properties count.
        var changed = new Paragraph(
            new ParagraphProperties(new ParagraphPropertiesChange(new ParagraphPropertiesExtended(new ParagraphStyleId { Val = "Titre1" })) { Id = "1", Author = "A" }),
            Run(Body));

        Blocks(Docx([Para(null, Run(Body)), changed], styles)).ShouldBe([(BlockKind.Paragraph, Body), (BlockKind.Paragraph, Body)]);
    }

    [Fact]
    public void Paragraphs_in_tables_are_read_in_order()
    {
        static TableCell Cell(string text) => new(Para(null, Run(text)));

        var table = new Table(new TableRow(Cell("Écoles : 12 M€."), Cell("Cantines : 3 M€.")), new TableRow(Cell("Bibliothèques : 1 M€."), Cell("Total : 16 M€.")));

        var blocks = Blocks(Docx([Para(null, Run(Body)), table, Para(null, Run("Le vote a eu lieu mardi."))]));

        blocks.Select(b => b.Item2).ShouldBe([Body, "Écoles : 12 M€.", "Cantines : 3 M€.", "Bibliothèques : 1 M€.", "Total : 16 M€.", "Le vote a eu lieu mardi."]);
    }

    [Fact]
    public void Deleted_revisions_and_field_codes_are_not_text_tabs_and_breaks_are_spaces()
    {
        var paragraph = new Paragraph(
            new ParagraphProperties(),
            Run("Le budget"),
            new DeletedRun(new Run(new DeletedText(" de l’an dernier"))) { Id = "1", Author = "A" },
            new InsertedRun(Run(" des écoles")) { Id = "2", Author = "A" },
            new Run(new TabChar(), new Text("page") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            Run(" 3"),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(new Break(), new Text("vote"), new NoBreakHyphen(), new Text("éclair"), new CarriageReturn(), new Text("mardi.")));

        Blocks(Docx([paragraph])).ShouldBe([(BlockKind.Paragraph, "Le budget des écoles page 3 vote-éclair mardi.")]);
    }

    [Fact]
    public void The_core_title_property_is_the_title_when_no_title_paragraph_opens_the_document()
    {
        var document = DocumentReading.Read("report.docx", Docx([Para(null, Run(Body)), Para(null, Run(Body))], coreTitle: "Rapport annuel"));

        document.Title.ShouldBe("Rapport annuel");
        document.Blocks.Select(b => b.Kind).ShouldBe([BlockKind.Paragraph, BlockKind.Paragraph]);
    }
}
