using System.Globalization;
using System.IO.Compression;

namespace DigestPipeline.Core.Documents.Formats;

/// <summary>
/// Checks a ZIP package (DOCX) from its central directory before anything is decompressed: entry count,
/// total declared size and each entry's compression ratio. Sizes declared there can lie, so the parser is
/// also given a cap per part (<see cref="DocxExtractor"/>).
/// </summary>
internal static class ZipPackageLimits
{
    /// <summary>Entries smaller than this are not judged by their ratio: tiny XML parts compress very well legitimately.</summary>
    private const long RatioFloorBytes = 1024 * 1024;

    public static void Check(string sourceName, ZipArchive archive, DocumentReaderOptions options)
    {
        var entries = archive.Entries;
        if (entries.Count > options.MaxZipEntries)
        {
            throw new DocumentRejectedException(RejectionReason.ExpandsTooMuch, string.Create(CultureInfo.InvariantCulture,
                $"'{sourceName}' holds {entries.Count:N0} files; a DOCX may hold at most {options.MaxZipEntries:N0}."));
        }

        long total = 0;
        foreach (var entry in entries)
        {
            total += entry.Length;
            if (total > options.MaxDecompressedBytes)
            {
                throw new DocumentRejectedException(RejectionReason.ExpandsTooMuch, string.Create(CultureInfo.InvariantCulture,
                    $"'{sourceName}' would expand to more than {options.MaxDecompressedBytes:N0} bytes; that is the limit for a DOCX."));
            }

            if (entry.Length >= RatioFloorBytes && entry.Length > options.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
            {
                throw new DocumentRejectedException(RejectionReason.ExpandsTooMuch, string.Create(CultureInfo.InvariantCulture,
                    $"'{sourceName}': its part '{entry.FullName}' is compressed {entry.Length / (double)Math.Max(entry.CompressedLength, 1):N0} to 1, more than the {options.MaxCompressionRatio:N0} to 1 allowed (a zip bomb?)."));
            }
        }
    }
}
