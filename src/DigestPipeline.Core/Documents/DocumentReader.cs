using System.Globalization;

namespace DigestPipeline.Core.Documents;

/// <summary>
/// Turns the bytes of an upload into a <see cref="SourceDocument"/>: size cap, type sniffed from the bytes,
/// decoding, normalisation, structure, sentences, language and the content hash that is the document id.
/// The extension only chooses between Markdown (.md, .markdown) and plain text.
/// </summary>
public sealed class DocumentReader(DocumentReaderOptions options)
{
    /// <param name="language">The document's language (<c>fr</c>, <c>en</c>, ...) when known; detected from the text when null.</param>
    /// <exception cref="DocumentRejectedException">empty, too large, binary or without any text.</exception>
    public SourceDocument Read(string sourceName, ReadOnlySpan<byte> content, DateTimeOffset receivedAt, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        if (content.IsEmpty)
        {
            throw new DocumentRejectedException(RejectionReason.Empty, $"'{sourceName}' is empty (0 bytes).");
        }

        if (content.Length > options.MaxBytes)
        {
            throw new DocumentRejectedException(RejectionReason.TooLarge,
                $"'{sourceName}' is {FormatSize(content.Length)}, larger than the {FormatSize(options.MaxBytes)} limit for a document.");
        }

        if (ContentSniffer.SniffBinaryFormat(content) is { } format)
        {
            throw new DocumentRejectedException(RejectionReason.UnsupportedType,
                $"{format} documents are not supported yet: '{sourceName}' must be plain text or Markdown.");
        }

        var encoding = TextDecoder.DetectEncoding(content);
        if (!TextDecoder.IsWide(encoding) && content.IndexOf((byte)0) >= 0)
        {
            throw new DocumentRejectedException(RejectionReason.Binary,
                $"'{sourceName}' is binary, not text: it contains NUL bytes (UTF-16 or UTF-32 text needs a byte order mark).");
        }

        var decoded = TextDecoder.Decode(content, encoding);
        if (ContentSniffer.LooksBinary(decoded))
        {
            throw new DocumentRejectedException(RejectionReason.Binary,
                $"'{sourceName}' is binary, not text: it contains NUL or many control characters.");
        }

        var markdown = IsMarkdownName(sourceName);
        var normalised = TextNormaliser.NormaliseCharacters(decoded, keepTabs: markdown);
        if (normalised.AsSpan().IsWhiteSpace())
        {
            throw new DocumentRejectedException(RejectionReason.NoText, $"'{sourceName}' holds only whitespace, no text.");
        }

        var (drafts, title) = markdown ? MarkdownStructureReader.Read(normalised) : PlainTextStructureReader.Read(normalised);
        if (drafts.Count == 0)
        {
            throw new DocumentRejectedException(RejectionReason.NoText, $"'{sourceName}' has no readable text (only markup, code or symbols).");
        }

        title ??= TitleFromName(sourceName);
        var (text, blocks, sections) = DocumentLayout.Lay(drafts, title);
        language ??= LanguageDetector.Detect(text);
        var sentences = SentenceSplitter.Split(text, blocks, language);
        return new SourceDocument(
            DocumentId.FromNormalisedText(text),
            sourceName,
            language,
            title,
            text,
            blocks,
            sections,
            sentences,
            receivedAt,
            content.Length);
    }

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

    private static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
    };
}
