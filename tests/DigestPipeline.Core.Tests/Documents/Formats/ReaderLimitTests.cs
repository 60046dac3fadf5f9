using System.Text;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Tests.Documents.BadInput;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents.Formats;

public sealed class ReaderLimitTests
{
    /// <summary>A clock that moves one second each time it is read: the time budget is crossed after a known number of checks.</summary>
    private sealed class TickingTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, TimeSpan.TicksPerSecond);
    }

    private static SourceDocument Read(DocumentReaderOptions options, string name, byte[] content, TimeProvider? time = null) =>
        new DocumentReader(options, time ?? new FakeTimeProvider()).Read(name, content, DocumentReading.ReceivedAt, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public void A_document_over_its_time_budget_is_rejected_as_timed_out()
    {
        var options = new DocumentReaderOptions { MaxReadTime = TimeSpan.FromSeconds(3) };

        var rejection = Should.Throw<DocumentRejectedException>(() => Read(options, "slow.txt", DocumentReading.SeedBytes(), new TickingTime()));

        rejection.Reason.ShouldBe(RejectionReason.TimedOut);
        rejection.Message.ShouldBe("'slow.txt' took longer than the 3 s allowed to read one document.");
    }

    [Fact]
    public void A_document_within_its_time_budget_is_read()
    {
        var options = new DocumentReaderOptions { MaxReadTime = TimeSpan.FromSeconds(1000) };

        Read(options, "seed.txt", DocumentReading.SeedBytes(), new TickingTime()).Title.ShouldStartWith("Transformation");
    }

    [Fact]
    public void Cancellation_by_the_caller_is_cancellation_not_a_rejection()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Should.Throw<OperationCanceledException>(() =>
            new DocumentReader(new DocumentReaderOptions()).Read("seed.txt", DocumentReading.SeedBytes(), DocumentReading.ReceivedAt, cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Sentences_past_the_cap_are_not_considered_but_the_text_is_kept()
    {
        var text = "Titre\n\n" + string.Concat(Enumerable.Repeat("Mot. ", 1000)).TrimEnd();

        var document = Read(new DocumentReaderOptions { MaxSentences = 100 }, "many.txt", Encoding.UTF8.GetBytes(text));

        document.Sentences.Count.ShouldBe(100);
        document.Text.Length.ShouldBe(text.Length);
    }

    [Fact]
    public void A_pdf_over_the_page_cap_names_both_numbers()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        for (var i = 0; i < 4; i++) builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);

        var rejection = Should.Throw<DocumentRejectedException>(() => Read(new DocumentReaderOptions { MaxPdfPages = 3 }, "long.pdf", builder.Build()));

        rejection.Reason.ShouldBe(RejectionReason.TooManyPages);
        rejection.Message.ShouldBe("'long.pdf' has 4 pages; the limit for a PDF is 3.");
    }

    [Fact]
    public void A_docx_with_a_dtd_is_refused_before_any_entity_is_expanded()
    {
        var bomb = BadInputCorpus.All.Single(c => c.Case == "docx-billion-laughs");

        var rejection = Should.Throw<DocumentRejectedException>(() => Read(new DocumentReaderOptions(), bomb.BlobName, bomb.Build()));

        rejection.Reason.ShouldBe(RejectionReason.Malformed);
        rejection.Message.ShouldContain("DTD");
    }

    [Fact]
    public void A_docx_part_compressed_past_the_ratio_cap_is_refused_from_the_zip_directory()
    {
        var bomb = BadInputCorpus.All.Single(c => c.Case == "docx-zip-bomb");

        var rejection = Should.Throw<DocumentRejectedException>(() => Read(new DocumentReaderOptions(), bomb.BlobName, bomb.Build()));

        rejection.Reason.ShouldBe(RejectionReason.ExpandsTooMuch);
        rejection.Message.ShouldContain("'word/media/image1.bin' is compressed");
    }

    [Fact]
    public void A_docx_over_the_decompressed_size_cap_is_refused()
    {
        var bomb = BadInputCorpus.All.Single(c => c.Case == "docx-zip-bomb");

        var rejection = Should.Throw<DocumentRejectedException>(() =>
            Read(new DocumentReaderOptions { MaxDecompressedBytes = 1024 * 1024, MaxCompressionRatio = int.MaxValue }, bomb.BlobName, bomb.Build()));

        rejection.Reason.ShouldBe(RejectionReason.ExpandsTooMuch);
        rejection.Message.ShouldContain("would expand to more than 1,048,576 bytes");
    }
}
