using System.Text;

namespace DigestPipeline.Core.Documents;

/// <summary>
/// Recognises uploads that are not text from their bytes alone: known binary formats by their magic numbers,
/// and anything else that carries NUL bytes or many control characters. The file name is never consulted.
/// </summary>
internal static class ContentSniffer
{
    private static readonly (byte[] Magic, int Offset, string Format)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), 0, "PDF"),
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

    /// <summary>The name of a known non-text format the bytes start with, or null.</summary>
    public static string? SniffBinaryFormat(ReadOnlySpan<byte> content)
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

        return SniffMarkupFormat(content);
    }

    /// <summary>A ZIP container; Office Open XML and OpenDocument files name their parts in the local headers.</summary>
    private static string SniffZipFormat(ReadOnlySpan<byte> content)
    {
        if (content.IndexOf("word/"u8) >= 0) return "Word (DOCX)";
        if (content.IndexOf("xl/"u8) >= 0) return "Excel (XLSX)";
        if (content.IndexOf("ppt/"u8) >= 0) return "PowerPoint (PPTX)";
        if (content.IndexOf("application/epub+zip"u8) >= 0) return "EPUB";
        if (content.IndexOf("application/vnd.oasis.opendocument"u8) >= 0) return "OpenDocument (ODT, ODS, ODP)";
        return "ZIP archive";
    }

    /// <summary>HTML is text, but its markup would pollute the summaries: refuse it clearly.</summary>
    private static string? SniffMarkupFormat(ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, 512)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        var start = 0;
        while (start < head.Length && head[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        head = head[start..];
        return StartsWithIgnoreAsciiCase(head, "<!doctype html"u8) || StartsWithIgnoreAsciiCase(head, "<html"u8) ? "HTML" : null;
    }

    private static bool StartsWithIgnoreAsciiCase(ReadOnlySpan<byte> span, ReadOnlySpan<byte> lowerPrefix)
        => span.Length >= lowerPrefix.Length && Ascii.EqualsIgnoreCase(span[..lowerPrefix.Length], lowerPrefix);

    /// <summary>
    /// A decoded text that is really binary: any NUL, or more than 1 % control characters other than
    /// tab, line feed, carriage return, form feed and vertical tab (C0, DEL and C1).
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<char> text)
    {
        if (text.IndexOf('\0') >= 0) return true;
        var controls = 0;
        foreach (var c in text)
        {
            if ((c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f' or '\v')) || (c >= 0x7F && c <= 0x9F))
            {
                controls++;
            }
        }

        return controls >= 4 && controls * 100L > text.Length;
    }
}
