using System.Text;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Documents.Formats;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents.Formats;

/// <summary>
/// The read budget stops the work where it is, inside an extractor's or reader's loop, not at the next stage. The
/// clock is a <see cref="FakeTimeProvider"/> that moves one second each time it is read, and the budget is
/// <see cref="Budget"/> seconds: a reader that looked at it only between stages (half a dozen looks) would finish
/// each of these documents, made of one block whose inside is long (many runs, nodes, lines or sentences); a
/// reader that looks inside its loops crosses the budget, and stops at once (the clock has moved little past it).
/// </summary>
public sealed class Reading_stops_inside_its_loops_when_the_budget_runs_out
{
    private const int Budget = 30;

    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    private static void ShouldTimeOutAndStop(string name, byte[] content)
    {
        var clock = new FakeTimeProvider { AutoAdvanceAmount = OneSecond };
        var start = clock.GetUtcNow();
        var reader = new DocumentReader(new DocumentReaderOptions { MaxReadTime = TimeSpan.FromSeconds(Budget) }, clock);

        var rejection = Should.Throw<DocumentRejectedException>(() =>
            reader.Read(name, content, DocumentReading.ReceivedAt, cancellationToken: TestContext.Current.CancellationToken));

        rejection.Reason.ShouldBe(RejectionReason.TimedOut);
        rejection.Message.ShouldBe($"'{name}' took longer than the {Budget} s allowed to read one document.");
        (clock.GetUtcNow() - start).ShouldBeLessThan(TimeSpan.FromSeconds(Budget + 4), "the read went on looking at the clock after its budget ran out");
    }

    [Fact]
    public void Docx_one_paragraph_of_many_runs()
    {
        var runs = Enumerable.Range(0, 20_000).Select(i => new Run(new Text($"mot{i} ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));

        ShouldTimeOutAndStop("runs.docx", DocxStructureTests.Docx([new Paragraph(runs)]));
    }

    [Fact]
    public void Html_one_paragraph_of_many_inline_elements()
    {
        var html = "<!DOCTYPE html><html><body><p>" + string.Concat(Enumerable.Repeat("<b>mot</b> ", 20_000)) + "</p></body></html>";

        ShouldTimeOutAndStop("inline.html", Encoding.UTF8.GetBytes(html));
    }

    [Fact]
    public void Pdf_few_pages_of_many_lines()
    {
        // Four pages (a look per page) of 1,000 lines each in one paragraph (no line ends a sentence).
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var p = 0; p < 4; p++)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            for (var line = 0; line < 1_000; line++) page.AddText($"mot{line} suite", 0.6, new PdfPoint(50, 800 - (line * 0.75)), font);
        }

        ShouldTimeOutAndStop("lines.pdf", builder.Build());
    }

    [Fact]
    public void Plain_text_one_paragraph_of_many_lines()
    {
        var text = "Titre\n\n" + string.Concat(Enumerable.Repeat("une ligne de texte sans fin\n", 20_000));

        ShouldTimeOutAndStop("lines.txt", Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public void Markdown_one_paragraph_of_many_inlines()
    {
        var text = "# Titre\n\n" + string.Concat(Enumerable.Repeat("`mot` ", 20_000));

        ShouldTimeOutAndStop("inline.md", Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public void Sentence_splitting_one_paragraph_of_many_sentences()
    {
        var text = string.Concat(Enumerable.Repeat("Une phrase. ", 20_000)).TrimEnd();
        var blocks = new[] { new DocumentBlock(BlockKind.Paragraph, 0, text.Length, 0) };
        var budget = new ReadBudget("phrases.txt", TimeSpan.FromSeconds(Budget), new FakeTimeProvider { AutoAdvanceAmount = OneSecond }, TestContext.Current.CancellationToken);

        var rejection = Should.Throw<DocumentRejectedException>(() => DocumentSentences.Split(text, blocks, "fr", budget));

        rejection.Reason.ShouldBe(RejectionReason.TimedOut);
    }
}
