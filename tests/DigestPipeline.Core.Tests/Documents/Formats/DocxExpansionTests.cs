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
    private static DocumentRejectedException Refusal(DocumentReaderOptions options, string name, byte[] docx) =>
        Should.Throw<DocumentRejectedException>(() => new DocumentReader(options, new FakeTimeProvider())
            .Read(name, docx, DocumentReading.ReceivedAt, cancellationToken: TestContext.Current.CancellationToken));

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
}
