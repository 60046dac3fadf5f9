using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Tests.Documents.BadInput;

namespace DigestPipeline.Benchmarks.Memory;

/// <summary>One upload the memory harness reads: its name, how to make its bytes, and the reader options it is read with.</summary>
internal sealed record MemoryCase(string Name, string BlobName, Func<byte[]> Build, DocumentReaderOptions Options);

/// <summary>
/// Every case of the bad-input corpus (read with the corpus's options, as its tests do), and the expanding-DOCX
/// class read with the defaults: 3–5 MB packages whose main part expands to about 100 MB at 22 to 32 to one, one
/// paragraph of about 95 M characters, and the largest DOCX the caps accept.
/// </summary>
internal static class MemoryCases
{
    public static IReadOnlyList<MemoryCase> All { get; } =
    [
        .. BadInputCorpus.All
            .Where(c => c.Rejected != RejectionReason.UnsafeName)
            .Select(c => new MemoryCase(c.Case, c.BlobName, c.Build, BadInputCorpus.Options)),
        new("docx-expanding-100-mb-short-paragraphs", "bad/expanding-short.docx", () => ExpandingDocx.Build(100_000_000, vocabulary: 16, maxWordsPerParagraph: 2), new DocumentReaderOptions()),
        new("docx-expanding-100-mb-one-word-paragraphs", "bad/expanding-one-word.docx", () => ExpandingDocx.Build(100_000_000, vocabulary: 20, maxWordsPerParagraph: 1), new DocumentReaderOptions()),
        new("docx-one-95-mb-paragraph", "bad/one-paragraph.docx", () => ExpandingDocx.OneParagraph(95_000_000, vocabulary: 4), new DocumentReaderOptions()),
        new("docx-one-95-mb-attribute", "bad/one-attribute.docx", () => ExpandingDocx.OneAttribute(95_000_000, vocabulary: 4), new DocumentReaderOptions()),
        new("docx-at-the-caps-99000-paragraphs", "odd/at-the-caps.docx",
            () => ExpandingDocx.Build(long.MaxValue, vocabulary: 512, maxWordsPerParagraph: 24, paragraphs: 99_000), new DocumentReaderOptions()),
    ];

    /// <summary>For a DOCX, how far its main part expands: "document.xml 95.4 MB, 22:1"; else null.</summary>
    public static string? Expansion(byte[] content)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content), System.IO.Compression.ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is { } main
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"document.xml {main.Length / (1024.0 * 1024.0):N1} MB, {main.Length / (double)Math.Max(1, main.CompressedLength):N0}:1")
                : null;
        }
        catch (InvalidDataException)
        {
            // Not a ZIP, or a damaged one (a truncated DOCX): nothing to describe.
            return null;
        }
    }
}
