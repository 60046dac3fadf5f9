using System.IO.Compression;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Tests.Documents.BadInput;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents.Formats;

/// <summary>
/// A DOCX that passes every check of its ZIP directory but whose main part expands to millions of paragraphs is
/// refused while it is read, at the block or character cap, before its text is held in memory. The clock never
/// moves (a <see cref="FakeTimeProvider"/>): these tests are about the caps, not the time budget, so a loaded
/// machine cannot turn their answer into <c>TimedOut</c>.
/// </summary>
public sealed class DocxExpansionTests
{
    private static SourceDocument Read(DocumentReaderOptions options, string name, byte[] docx) =>
        DocumentReading.Reader(options).Read(name, docx, DocumentReading.ReceivedAt, cancellationToken: TestContext.Current.CancellationToken);

    private static DocumentRejectedException Refusal(DocumentReaderOptions options, string name, byte[] docx) =>
        Should.Throw<DocumentRejectedException>(() => Read(options, name, docx));

    [Fact]
    public void A_docx_expanding_to_100_mb_of_short_paragraphs_under_every_package_cap_is_refused()
    {
        var docx = ExpandingDocx.Build(xmlBytes: 100_000_000, vocabulary: 16, maxWordsPerParagraph: 2);
        using (var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read))
        {
            var main = zip.GetEntry("word/document.xml")!;
            var defaults = new DocumentReaderOptions();
            docx.Length.ShouldBeInRange(3_000_000, 5_000_000);
            main.Length.ShouldBeInRange(95_000_000, defaults.MaxDecompressedBytes);
            ((double)main.Length / main.CompressedLength).ShouldBeInRange(20, defaults.MaxCompressionRatio);
        }

        var rejection = Refusal(new DocumentReaderOptions(), "expanding.docx", docx);

        rejection.Reason.ShouldBe(RejectionReason.ExpandsTooMuch);
        rejection.Message.ShouldStartWith("'expanding.docx'");
    }

    [Fact]
    public void Paragraphs_past_the_block_cap_are_refused_naming_the_cap()
    {
        var docx = ExpandingDocx.Build(xmlBytes: long.MaxValue, vocabulary: 16, maxWordsPerParagraph: 2, paragraphs: 1_001);

        var rejection = Refusal(new DocumentReaderOptions { MaxBlocks = 1_000 }, "many.docx", docx);

        rejection.Reason.ShouldBe(RejectionReason.ExpandsTooMuch);
        rejection.Message.ShouldBe("'many.docx' holds more than 1,000 paragraphs, headings and list items; that is the limit for one document.");
    }

    [Fact]
    public void A_docx_of_as_many_paragraphs_as_the_cap_is_read()
    {
        var docx = ExpandingDocx.Build(xmlBytes: long.MaxValue, vocabulary: 16, maxWordsPerParagraph: 2, paragraphs: 1_000);

        Read(new DocumentReaderOptions { MaxBlocks = 1_000 }, "many.docx", docx).Blocks.Count.ShouldBe(1_000);
    }

    [Fact]
    public void One_paragraph_past_the_character_cap_is_refused_while_it_is_read()
    {
        var docx = ExpandingDocx.OneParagraph(characters: 300_000, vocabulary: 16);

        var rejection = Refusal(new DocumentReaderOptions { MaxCharacters = 100_000 }, "long.docx", docx);

        rejection.Reason.ShouldBe(RejectionReason.ExpandsTooMuch);
        rejection.Message.ShouldBe("'long.docx' holds more than 100,000 characters of text; that is the limit for one document.");
    }

    [Fact]
    public void A_styles_part_past_its_cap_is_refused()
    {
        var docx = DocxStructureTests.Docx(
            [new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("Le budget.")))],
            [DocxStructureTests.Style("Enorme", new string('x', 5 * 1024 * 1024))]);

        // Past the ratio check of the ZIP directory (a style name of one letter compresses a thousand to one).
        var rejection = Refusal(new DocumentReaderOptions { MaxCompressionRatio = int.MaxValue }, "styles.docx", docx);

        rejection.Reason.ShouldBe(RejectionReason.ExpandsTooMuch);
        rejection.Message.ShouldBe("'styles.docx': its styles part expands past 4,194,304 bytes, the limit for a DOCX's styles.");
    }

    [Fact]
    public void A_start_tag_longer_than_the_token_limit_is_refused_even_with_a_closing_bracket_in_its_quotes()
    {
        var docx = ExpandingDocx.OneAttribute(characters: 2_000_000, vocabulary: 4, separator: "> ");

        var rejection = Refusal(new DocumentReaderOptions(), "tag.docx", docx);

        rejection.Reason.ShouldBe(RejectionReason.ExpandsTooMuch);
        rejection.Message.ShouldBe("'tag.docx': its part '/word/document.xml' holds an XML tag, comment or CDATA section longer than 1,048,576 characters.");
    }
}
