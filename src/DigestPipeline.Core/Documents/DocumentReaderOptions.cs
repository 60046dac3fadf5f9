using System.ComponentModel.DataAnnotations;

namespace DigestPipeline.Core.Documents;

public sealed class DocumentReaderOptions
{
    public const string Section = "Documents";

    /// <summary>Uploads larger than this are rejected before they are read.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>A DOCX whose parts would expand to more than this (declared sizes, then characters per part) is rejected.</summary>
    [Range(1, long.MaxValue)]
    public long MaxDecompressedBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>A DOCX with more files in its ZIP package is rejected.</summary>
    [Range(1, int.MaxValue)]
    public int MaxZipEntries { get; set; } = 1000;

    /// <summary>A DOCX part of 1 MB or more compressed more than this many to one is rejected (zip bomb).</summary>
    [Range(1, int.MaxValue)]
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>
    /// A DOCX, PDF or HTML document with more blocks (paragraphs, headings, list items) is rejected while it is read,
    /// before they are all held: a package can expand far past its upload size.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxBlocks { get; set; } = 100_000;

    /// <summary>
    /// A DOCX, PDF or HTML document whose text holds more characters is rejected while it is read. The default is
    /// what a text upload of <see cref="MaxBytes"/> can hold.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxCharacters { get; set; } = 10 * 1024 * 1024;

    /// <summary>A PDF with more pages is rejected.</summary>
    [Range(1, int.MaxValue)]
    public int MaxPdfPages { get; set; } = 500;

    /// <summary>The time one document may take to be read (extraction, structure, sentences, language).</summary>
    public TimeSpan MaxReadTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Most sentences themes and summaries consider: a document with more is sampled, this many spread over every
    /// section (<see cref="SentenceSampler"/>), and says so (<see cref="SourceDocument.Sample"/>); the text is kept
    /// whole. A guard on the summarizer's memory and time, which grow with the sentences considered (a 20 MB report
    /// of news prose, 180,886 sentences: about 2 KB of peak working set each): the default takes such a report
    /// whole, twice the default <see cref="MaxBytes"/>.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxSentences { get; set; } = 200_000;
}
