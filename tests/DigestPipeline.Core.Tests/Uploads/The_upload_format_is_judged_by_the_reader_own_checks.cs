using System.Text;
using DigestPipeline.Core.Documents;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Uploads;

/// <summary>
/// The API answers 415 on the first bytes of an upload with <see cref="DocumentReader.RefusedFormat"/>: the checks the
/// reader itself makes, so that what the API refuses and what ingest would reject are one list.
/// </summary>
public sealed class The_upload_format_is_judged_by_the_reader_own_checks
{
    public static TheoryData<string, byte[]> Refused => new()
    {
        { "photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] },
        { "archive.gz", [0x1F, 0x8B, 8, 0, 0, 0] },
        { "feed.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>") },
        { "notes.txt", Encoding.UTF8.GetBytes("text\0with NUL bytes") },
    };

    public static TheoryData<string, byte[]> Accepted => new()
    {
        { "notes.txt", Encoding.UTF8.GetBytes("Plain notes about the energy budget.") },
        { "notes.md", Encoding.UTF8.GetBytes("# Heading\n\nMarkdown text.") },
        { "page.html", Encoding.UTF8.GetBytes("<!doctype html><html><body><p>Hi</p></body></html>") },
        { "report.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3") },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_format_the_reader_rejects_is_refused_from_its_first_bytes(string name, byte[] head)
    {
        var refusal = DocumentReader.RefusedFormat(name, head).ShouldNotBeNull();

        // The same rejection the reader raises on the whole upload.
        var whole = Should.Throw<DocumentRejectedException>(() => new DocumentReader(new DocumentReaderOptions()).Read(name, head, DateTimeOffset.UnixEpoch));
        refusal.Reason.ShouldBe(whole.Reason);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void A_format_the_reader_reads_passes(string name, byte[] head) =>
        DocumentReader.RefusedFormat(name, head).ShouldBeNull();
}
