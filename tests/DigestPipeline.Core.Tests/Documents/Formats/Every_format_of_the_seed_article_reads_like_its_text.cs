using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents.Formats;

/// <summary>
/// The French seed article written as HTML, DOCX and PDF reads into the same title, sections, list items and
/// text as the plain-text original, so themes and summaries come out the same.
/// </summary>
public sealed class Every_format_of_the_seed_article_reads_like_its_text
{
    private static readonly SourceDocument Original = DocumentReading.ReadSeed();

    public static TheoryData<string> Formats() => ["html", "docx", "pdf", "pdf with bold headings and standfirst the size of the text", "pdf in two columns"];

    private static SourceDocument Rendered(string format)
    {
        var parts = DocumentRenderings.Parts(Original).ToList();
        var bytes = format switch
        {
            "html" => DocumentRenderings.Html(parts),
            "docx" => DocumentRenderings.Docx(parts),
            "pdf" => DocumentRenderings.Pdf(parts, standardFont: false),
            "pdf with bold headings and standfirst the size of the text" => DocumentRenderings.Pdf(parts, standardFont: false, headingSize: 10, boldStandfirst: true),
            "pdf in two columns" => DocumentRenderings.Pdf(parts, standardFont: false, columns: 2),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
        // A neutral name: the format must come from the bytes.
        return DocumentReading.Read("article.bin", bytes);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Title_sections_and_blocks_are_those_of_the_text(string format)
    {
        var document = Rendered(format);

        document.Title.ShouldBe(Original.Title);
        document.Language.ShouldBe("fr");
        document.Sections.Select(s => s.Heading).ShouldBe(Original.Sections.Select(s => s.Heading));
        document.Blocks.Select(b => (b.Kind, document.BlockText(b))).ShouldBe(Original.Blocks.Select(b => (b.Kind, Original.BlockText(b))));
        document.Text.ShouldBe(Original.Text);
        document.Sentences.Count.ShouldBe(Original.Sentences.Count);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Themes_and_their_summaries_are_those_of_the_text(string format)
    {
        var expected = ThemeSamples.Summarize(Original);

        var actual = ThemeSamples.Summarize(Rendered(format));

        actual.Themes.Select(t => t.ThemeId).ShouldBe(expected.Themes.Select(t => t.ThemeId));
        actual.Themes.Count.ShouldBeGreaterThanOrEqualTo(6);
        actual.Themes.SelectMany(t => t.Sentences.Select(s => (s.Start, s.Length)))
            .ShouldBe(expected.Themes.SelectMany(t => t.Sentences.Select(s => (s.Start, s.Length))));
    }

    [Fact]
    public void An_English_pdf_in_a_standard_font_reads_like_its_text()
    {
        var original = DocumentReading.Read("en.txt", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seeds", "documents", "en-hospitals-and-grid-operators-brace-for-ai.txt")));

        var document = DocumentReading.Read("en.pdf", DocumentRenderings.Pdf(DocumentRenderings.Parts(original), standardFont: true));

        document.Title.ShouldBe(original.Title);
        document.Sections.Select(s => s.Heading).ShouldBe(original.Sections.Select(s => s.Heading));
        document.Text.ShouldBe(original.Text);
        ThemeSamples.Summarize(document).Themes.Select(t => t.ThemeId).ShouldBe(ThemeSamples.Summarize(original).Themes.Select(t => t.ThemeId));
    }
}
