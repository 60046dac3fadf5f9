using System.Globalization;
using DigestPipeline.Core.Documents.Formats;
using DigestPipeline.Core.Language;

namespace DigestPipeline.Core.Documents;

/// <summary>
/// Turns the bytes of an upload into a <see cref="SourceDocument"/>: size cap, format sniffed from the bytes
/// (PDF, DOCX, HTML, Markdown, plain text: <see cref="ContentSniffer"/>), extraction into the same block drafts
/// whatever the format, normalisation, structure, sentences (at most <see cref="DocumentReaderOptions.MaxSentences"/>,
/// spread over every section: <see cref="SentenceSampler"/>),
/// language and the content hash that is the document id, all within <see cref="DocumentReaderOptions.MaxReadTime"/>.
/// </summary>
public sealed class DocumentReader(DocumentReaderOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// The formats it reads (<see cref="ContentSniffer"/>'s allow-list), in words for people: what a refusal names and
    /// what an upload form lists. The bytes decide, not the name: plain text may have any name.
    /// </summary>
    public static IReadOnlyList<string> AcceptedFormats { get; } = ["PDF", "Word (DOCX)", "HTML", "Markdown", "plain text"];

    /// <summary><see cref="AcceptedFormats"/> as a phrase: "PDF, Word (DOCX), HTML, Markdown or plain text".</summary>
    public static string AcceptedFormatsText { get; } = string.Join(", ", AcceptedFormats.Take(AcceptedFormats.Count - 1)) + " or " + AcceptedFormats[^1];

    /// <summary>The largest upload it reads (<see cref="DocumentReaderOptions.MaxBytes"/>): callers read no more than this + 1 bytes of a blob.</summary>
    public long MaxBytes => options.MaxBytes;

    /// <param name="language">The document's language (<c>fr</c>, <c>en</c>, ...) when known; detected from the text when null.</param>
    /// <exception cref="DocumentRejectedException">empty, too large, of a format outside the allow-list, damaged, over a cap, without any text, or too slow to read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public SourceDocument Read(string sourceName, ReadOnlySpan<byte> content, DateTimeOffset receivedAt, string? language = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        if (content.IsEmpty)
        {
            throw new DocumentRejectedException(RejectionReason.Empty, $"'{sourceName}' is empty (0 bytes).");
        }

        if (content.Length > options.MaxBytes)
        {
            throw TooLarge(sourceName, content.Length, options.MaxBytes);
        }

        var budget = new ReadBudget(sourceName, options.MaxReadTime, _time, cancellationToken);
        string? normalised = null;
        var (drafts, title) = ContentSniffer.SniffBinary(sourceName, content) switch
        {
            UploadFormat.Pdf => ReadPackage(sourceName, "PDF", content, static (name, bytes, options, budget) => PdfExtractor.Read(name, bytes, options, budget), budget),
            UploadFormat.Docx => ReadPackage(sourceName, "Word (DOCX)", content, static (name, bytes, options, budget) => DocxExtractor.Read(name, bytes, options, budget), budget),
            _ => ReadText(sourceName, content, options, budget, out normalised),
        };

        if (drafts.Count == 0)
        {
            throw new DocumentRejectedException(RejectionReason.NoText, $"'{sourceName}' has no readable text (only markup, code, images or symbols).");
        }

        budget.ThrowIfExceeded();
        title ??= TitleFromName(sourceName);
        var (text, blocks, sections) = DocumentLayout.Lay(drafts, title, source: normalised);
        budget.ThrowIfExceeded();
        language ??= LanguageDetector.Detect(text);
        budget.ThrowIfExceeded();
        var sentences = DocumentSentences.Split(text, blocks, language, budget);
        budget.ThrowIfExceeded();
        var considered = sentences.Count > options.MaxSentences ? SentenceSampler.Spread(sentences, options.MaxSentences) : sentences;
        return new SourceDocument(
            DocumentId.FromNormalisedText(text),
            sourceName,
            language,
            title,
            text,
            blocks,
            sections,
            considered,
            receivedAt,
            content.Length,
            considered.Count < sentences.Count ? new SentenceSample(considered.Count, sentences.Count) : null);
    }

    /// <summary>
    /// The rejection <see cref="Read"/> would raise for the format of an upload, judged from its first bytes with the same
    /// checks (<see cref="ContentSniffer"/>'s signatures and XML refusal, NUL bytes in narrow text): what an uploader
    /// can be told before anything is stored. Null when the format is accepted so far; reading the whole may still
    /// reject the upload (damaged, binary further on, no text), which ingest records as for any upload.
    /// </summary>
    public static DocumentRejectedException? RefusedFormat(string sourceName, ReadOnlySpan<byte> head)
    {
        try
        {
            if (ContentSniffer.SniffBinary(sourceName, head) is not null)
                return null;
            var encoding = TextDecoder.DetectEncoding(head);
            if (!TextDecoder.IsWide(encoding) && head.IndexOf((byte)0) >= 0)
                return HasNulBytes(sourceName);
            ContentSniffer.SniffText(sourceName, TextDecoder.Decode(head, encoding));
            return null;
        }
        catch (DocumentRejectedException rejection)
        {
            return rejection;
        }
    }

    /// <summary>The rejection of an upload over the size cap; also raised by callers that know the size before reading the bytes.</summary>
    public static DocumentRejectedException TooLarge(string sourceName, long length, long maxBytes) =>
        new(RejectionReason.TooLarge, $"'{sourceName}' is {FormatSize(length)}, larger than the {FormatSize(maxBytes)} limit for a document.");

    private delegate (List<BlockDraft> Blocks, string? Title) PackageExtractor(string sourceName, byte[] content, DocumentReaderOptions options, ReadBudget budget);

    /// <summary>Runs a PDF or DOCX parser; whatever it throws on a damaged file becomes a rejection naming the format.</summary>
    private (List<BlockDraft> Blocks, string? Title) ReadPackage(string sourceName, string format, ReadOnlySpan<byte> content, PackageExtractor extract, ReadBudget budget)
    {
        try
        {
            return extract(sourceName, content.ToArray(), options, budget);
        }
        catch (Exception e) when (e is not (DocumentRejectedException or OperationCanceledException or OutOfMemoryException))
        {
            throw new DocumentRejectedException(RejectionReason.Malformed,
                $"'{sourceName}' is not a readable {format} file (damaged, truncated or unsafe): {e.Message}");
        }
    }

    /// <param name="normalised">The text the blocks were read from, after <see cref="TextNormaliser.NormaliseCharacters"/>
    /// (null for HTML): <see cref="DocumentLayout.Lay"/> keeps it as the document's text when the blocks lay out as it
    /// already is, instead of copying it.</param>
    private static (List<BlockDraft> Blocks, string? Title) ReadText(string sourceName, ReadOnlySpan<byte> content, DocumentReaderOptions options, ReadBudget budget,
        out string? normalised)
    {
        normalised = null;
        var encoding = TextDecoder.DetectEncoding(content);
        if (!TextDecoder.IsWide(encoding) && content.IndexOf((byte)0) >= 0)
        {
            throw HasNulBytes(sourceName);
        }

        var decoded = TextDecoder.Decode(content, encoding);
        if (ContentSniffer.LooksBinary(decoded))
        {
            throw new DocumentRejectedException(RejectionReason.Binary,
                $"'{sourceName}' is binary, not text: it contains NUL or many control characters.");
        }

        var format = ContentSniffer.SniffText(sourceName, decoded);
        if (format == UploadFormat.Html)
        {
            return HtmlExtractor.Read(decoded, options, budget);
        }

        var markdown = format == UploadFormat.Markdown;
        normalised = TextNormaliser.NormaliseCharacters(decoded, keepTabs: markdown);
        if (normalised.AsSpan().IsWhiteSpace())
        {
            throw new DocumentRejectedException(RejectionReason.NoText, $"'{sourceName}' holds only whitespace, no text.");
        }

        budget.ThrowIfExceeded();
        return markdown ? MarkdownStructureReader.Read(normalised, options.MaxBlocks, budget) : PlainTextStructureReader.Read(normalised, options.MaxBlocks, budget);
    }

    private static DocumentRejectedException HasNulBytes(string sourceName) =>
        new(RejectionReason.Binary, $"'{sourceName}' is binary, not text: it contains NUL bytes (UTF-16 or UTF-32 text needs a byte order mark).");

    internal static bool IsMarkdownName(string sourceName)
    {
        var extension = Path.GetExtension(sourceName);
        return extension.Equals(".md", StringComparison.OrdinalIgnoreCase) || extension.Equals(".markdown", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The file name without folders and extension; "Untitled" when nothing is left.</summary>
    internal static string TitleFromName(string sourceName)
    {
        var name = sourceName.AsSpan();
        name = Path.GetFileNameWithoutExtension(name[(name.LastIndexOfAny('/', '\\') + 1)..]);
        var title = TextNormaliser.CollapseSpaces(name);
        return title.Length > 0 ? title : "Untitled";
    }

    /// <summary>A size as people read it ("10 MB", "4.5 KB"), in binary units, as the refusals word it.</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
    };
}
