using System.Text;
using System.Text.Unicode;

namespace DigestPipeline.Core.Documents;

/// <summary>The character encoding a text upload was read with.</summary>
internal enum TextEncodingKind
{
    Utf8,
    Utf8WithBom,
    Utf16LittleEndian,
    Utf16BigEndian,
    Utf32LittleEndian,
    Utf32BigEndian,
    Windows1252,
}

/// <summary>
/// Decodes the bytes of a text upload: a byte order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); without one,
/// strict UTF-8 when the bytes are valid UTF-8, else Windows-1252 (the usual encoding of legacy Western files).
/// </summary>
internal static class TextDecoder
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("The Windows-1252 code page is not available.");

    private static readonly Encoding Utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: false);

    public static TextEncodingKind DetectEncoding(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return TextEncodingKind.Utf8WithBom;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return TextEncodingKind.Utf32LittleEndian;
        if (content.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return TextEncodingKind.Utf32BigEndian;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return TextEncodingKind.Utf16LittleEndian;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return TextEncodingKind.Utf16BigEndian;
        return Utf8.IsValid(content) ? TextEncodingKind.Utf8 : TextEncodingKind.Windows1252;
    }

    /// <summary>Whether the encoding is a wide one, whose bytes legitimately contain NULs.</summary>
    public static bool IsWide(TextEncodingKind kind) => kind is TextEncodingKind.Utf16LittleEndian or TextEncodingKind.Utf16BigEndian
        or TextEncodingKind.Utf32LittleEndian or TextEncodingKind.Utf32BigEndian;

    /// <summary>Decodes without the byte order mark; malformed sequences after a BOM become U+FFFD.</summary>
    public static string Decode(ReadOnlySpan<byte> content, TextEncodingKind kind) => kind switch
    {
        TextEncodingKind.Utf8 => Encoding.UTF8.GetString(content),
        TextEncodingKind.Utf8WithBom => Encoding.UTF8.GetString(content[3..]),
        TextEncodingKind.Utf16LittleEndian => Encoding.Unicode.GetString(content[2..]),
        TextEncodingKind.Utf16BigEndian => Encoding.BigEndianUnicode.GetString(content[2..]),
        TextEncodingKind.Utf32LittleEndian => Encoding.UTF32.GetString(content[4..]),
        TextEncodingKind.Utf32BigEndian => Utf32BigEndian.GetString(content[4..]),
        TextEncodingKind.Windows1252 => Windows1252.GetString(content),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
