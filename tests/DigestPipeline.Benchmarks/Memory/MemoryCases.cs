using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Tests.Documents.BadInput;

namespace DigestPipeline.Benchmarks.Memory;

/// <summary>One upload the memory harness reads: its name, how to make its bytes, and the reader options it is read with.</summary>
internal sealed record MemoryCase(string Name, string BlobName, Func<byte[]> Build, DocumentReaderOptions Options);

/// <summary>
/// Every case of the bad-input corpus (read with the corpus's options, as its tests do), and, read with the
/// defaults: the expanding-DOCX class (3–5 MB packages whose main part expands to about 100 MB at 22 to 32 to one,
/// one paragraph or one attribute of about 95 M characters, the largest DOCX the caps accept), and text, Markdown
/// and HTML uploads of the largest size in the shapes that cost most per byte (one-letter paragraphs, one-word
/// sentences, as many blocks or elements as the caps accept).
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
        Text("text-10-mb-one-letter-paragraphs", "odd/letters.txt", () => "Titre\n\n" + Repeat("a\n\n", 3_300_000)),
        Text("markdown-10-mb-one-letter-paragraphs", "odd/letters.md", () => "# Titre\n\n" + Repeat("a\n\n", 3_300_000)),
        Text("html-10-mb-one-letter-paragraphs", "odd/letters.html", () => "<!DOCTYPE html><html><body>" + Repeat("<p>a</p>", 1_250_000) + "</body></html>"),
        Text("text-10-mb-one-word-sentences", "odd/sentences.txt", () => "Titre\n\n" + Repeat("Un. ", 2_600_000)),
        Text("text-at-the-block-cap-95000-paragraphs", "odd/at-the-caps.txt", () => "Titre\n\n" + Paragraphs(95_000, "\n\n")),
        Text("markdown-at-the-block-cap-95000-paragraphs", "odd/at-the-caps.md", () => "# Titre\n\n" + Paragraphs(95_000, "\n\n")),
        Text("html-at-the-block-cap-95000-paragraphs", "odd/at-the-caps.html", () => "<!DOCTYPE html><html><body><p>" + Paragraphs(95_000, "</p><p>") + "</p></body></html>"),
        Text("html-at-the-element-cap-199000-elements", "odd/elements.html", () => "<!DOCTYPE html><html><body><p>" + Repeat("<b>a</b> ", 199_000) + "</p></body></html>"),
        new("docx-one-95-mb-attribute", "bad/one-attribute.docx", () => ExpandingDocx.OneAttribute(95_000_000, vocabulary: 4), new DocumentReaderOptions()),
        new("docx-at-the-caps-99000-paragraphs", "odd/at-the-caps.docx",
            () => ExpandingDocx.Build(long.MaxValue, vocabulary: 512, maxWordsPerParagraph: 24, paragraphs: 99_000), new DocumentReaderOptions()),
    ];

    private static MemoryCase Text(string name, string blobName, Func<string> text) =>
        new(name, blobName, () => System.Text.Encoding.UTF8.GetBytes(text()), new DocumentReaderOptions());

    private static string Repeat(string text, int count) => new System.Text.StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    /// <summary>Paragraphs of about 95 characters, each a different sentence.</summary>
    private static string Paragraphs(int count, string separator) =>
        string.Join(separator, Enumerable.Range(1, count).Select(i => $"Le conseil municipal a voté le budget numéro {i} des écoles, après un débat public animé."));

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
