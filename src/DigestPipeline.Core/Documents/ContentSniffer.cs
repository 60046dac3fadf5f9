using System.Buffers;
using DigestPipeline.Core.Documents.Formats;

namespace DigestPipeline.Core.Documents;

/// <summary>
/// The allow-list of upload formats, decided from the bytes: PDF and DOCX by their signatures, HTML by its opening
/// markup, other known binary formats refused by name, and anything else that carries NUL bytes or many control
/// characters refused as binary. The file name only breaks ties: Markdown or plain text, and markup-looking text
/// named .html.
/// </summary>
internal static class ContentSniffer
{
    /// <summary>PDF readers accept the header anywhere in the first 1024 bytes.</summary>
    private const int PdfHeaderWindow = 1024;

    private static readonly (byte[] Magic, int Offset, string Format)[] Signatures =
    [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0, "PNG image"),
        ([0xFF, 0xD8, 0xFF], 0, "JPEG image"),
        ("GIF87a"u8.ToArray(), 0, "GIF image"),
        ("GIF89a"u8.ToArray(), 0, "GIF image"),
        ([0x1F, 0x8B], 0, "gzip"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], 0, "Legacy Microsoft Office (DOC, XLS, PPT)"),
        ("{\\rtf"u8.ToArray(), 0, "RTF"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], 0, "7-Zip"),
        ([0x52, 0x61, 0x72, 0x21, 0x1A, 0x07], 0, "RAR"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], 0, "xz"),
        ([0x7F, 0x45, 0x4C, 0x46], 0, "ELF executable"),
        ("II*\0"u8.ToArray(), 0, "TIFF image"),
        ("MM\0*"u8.ToArray(), 0, "TIFF image"),
        ("WEBP"u8.ToArray(), 8, "WebP image"),
        ("ftyp"u8.ToArray(), 4, "MP4/QuickTime media"),
        ("OggS"u8.ToArray(), 0, "Ogg media"),
        ("SQLite format 3\0"u8.ToArray(), 0, "SQLite database"),
    ];

    /// <summary>PDF or DOCX when the bytes are one; null for text (decoded next).</summary>
    /// <exception cref="DocumentRejectedException">a known format outside the allow-list.</exception>
    public static UploadFormat? SniffBinary(string sourceName, ReadOnlySpan<byte> content)
    {
        if (content[..Math.Min(content.Length, PdfHeaderWindow)].IndexOf("%PDF-"u8) >= 0) return UploadFormat.Pdf;
        var format = SniffBinaryFormat(content);
        return format switch
        {
            null => null,
            WordFormat => UploadFormat.Docx,
            _ => throw new DocumentRejectedException(RejectionReason.UnsupportedType,
                $"{format} documents are not supported: '{sourceName}' must be {DocumentReader.AcceptedFormatsText}."),
        };
    }

    private const string WordFormat = "Word (DOCX)";

    /// <summary>The name of a known non-text format the bytes start with, or null.</summary>
    private static string? SniffBinaryFormat(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("PK\x03\x04"u8) || content.StartsWith("PK\x05\x06"u8) || content.StartsWith("PK\x07\x08"u8))
        {
            return SniffZipFormat(content);
        }

        foreach (var (magic, offset, format) in Signatures)
        {
            if (content.Length >= offset + magic.Length && content.Slice(offset, magic.Length).SequenceEqual(magic))
            {
                return format;
            }
        }

        return null;
    }

    /// <summary>A ZIP container; Office Open XML and OpenDocument files name their parts in the local headers.</summary>
    private static string SniffZipFormat(ReadOnlySpan<byte> content)
    {
        if (content.IndexOf("word/"u8) >= 0) return WordFormat;
        if (content.IndexOf("xl/"u8) >= 0) return "Excel (XLSX)";
        if (content.IndexOf("ppt/"u8) >= 0) return "PowerPoint (PPTX)";
        if (content.IndexOf("application/epub+zip"u8) >= 0) return "EPUB";
        if (content.IndexOf("application/vnd.oasis.opendocument"u8) >= 0) return "OpenDocument (ODT, ODS, ODP)";
        return "ZIP archive";
    }

    /// <summary>
    /// HTML, Markdown or plain text, for decoded text: HTML when it opens with a doctype, &lt;html&gt;, &lt;head&gt;
    /// or &lt;body&gt; (an XML declaration and comments may come first), or when it is named .html/.htm and opens
    /// with a tag (not SVG or other XML, refused); else Markdown when named .md/.markdown; else plain text.
    /// </summary>
    /// <exception cref="DocumentRejectedException">other XML (SVG, feeds, data).</exception>
    public static UploadFormat SniffText(string sourceName, string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 1024)).TrimStart();
        var body = head;
        if (body.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)) body = AfterMarkup(body, "?>");
        while (body.StartsWith("<!--", StringComparison.Ordinal)) body = AfterMarkup(body, "-->");
        if (StartsWithAny(body, "<!doctype html", "<html", "<head", "<body")) return UploadFormat.Html;
        if (head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || StartsWithAny(body, "<svg", "<rss", "<feed"))
            throw new DocumentRejectedException(RejectionReason.UnsupportedType,
                $"XML documents are not supported: '{sourceName}' must be {DocumentReader.AcceptedFormatsText}.");
        var extension = Path.GetExtension(sourceName);
        if (head.StartsWith('<') && (extension.Equals(".html", StringComparison.OrdinalIgnoreCase) || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase)
                                     || extension.Equals(".xhtml", StringComparison.OrdinalIgnoreCase)))
            return UploadFormat.Html;
        return DocumentReader.IsMarkdownName(sourceName) ? UploadFormat.Markdown : UploadFormat.PlainText;
    }

    private static ReadOnlySpan<char> AfterMarkup(ReadOnlySpan<char> text, string end)
    {
        var at = text.IndexOf(end, StringComparison.Ordinal);
        return at < 0 ? [] : text[(at + end.Length)..].TrimStart();
    }

    private static bool StartsWithAny(ReadOnlySpan<char> text, params ReadOnlySpan<string> prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    /// <summary>
    /// A decoded text that is really binary: any NUL, or more than 1 % control characters other than
    /// tab, line feed, carriage return, form feed and vertical tab (C0, DEL and C1).
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<char> text)
    {
        if (text.IndexOf('\0') >= 0) return true;

        // Counted by a vectorised search from one control character to the next: a text has none, or a few, and
        // testing each character was a hundredth of the analysis.
        var controls = 0;
        var rest = text;
        for (var at = rest.IndexOfAny(ControlCharacters); at >= 0; at = rest.IndexOfAny(ControlCharacters))
        {
            controls++;
            rest = rest[(at + 1)..];
        }

        return controls >= 4 && controls * 100L > text.Length;
    }

    /// <summary>C0 but tab, line feed, vertical tab, form feed and carriage return; DEL; C1.</summary>
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is < '\t' or > '\r').Select(c => (char)c), .. Enumerable.Range(0x7F, 0x9F - 0x7F + 1).Select(c => (char)c)]);
}
