using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;

namespace DigestPipeline.Core.Documents.Formats;

/// <summary>
/// Reads a Word document (DOCX) after <see cref="ZipPackageLimits"/> passed: the Open XML SDK opens the package,
/// <see cref="DocxStyles"/> reads the styles part and <see cref="DocxBodyReader"/> streams the main part into blocks,
/// so memory follows the text kept, not the size the XML expands to. Paragraph styles give the structure: "Title",
/// "Heading 1…9" (or an outline level) and list styles or numbering; style names are read from the styles part, so
/// localised style ids (Titre1, Überschrift1) work too. Paragraphs in tables are read in order; deleted revisions
/// and field codes are not text. The core property "title" is the title when no Title-styled paragraph opens the
/// document. No DTD anywhere.
/// </summary>
internal static class DocxExtractor
{
    public static (List<BlockDraft> Blocks, string? Title) Read(string sourceName, byte[] content, DocumentReaderOptions options, ReadBudget budget)
    {
        using (var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read))
        {
            ZipPackageLimits.Check(sourceName, archive, options);
        }

        var settings = new OpenSettings { MaxCharactersInPart = options.MaxDecompressedBytes };
        using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), isEditable: false, settings);
        var main = document.MainDocumentPart
                   ?? throw new DocumentRejectedException(RejectionReason.Malformed, $"'{sourceName}' is a Word package without a main document part.");
        var styles = DocxStyles.Read(sourceName, main);
        budget.ThrowIfExceeded();
        var collector = new BlockDraftCollector(budget, options);
        // The part's real size, not the one its ZIP directory declares, is held to the cap.
        using (var part = new CappedReadStream(main.GetStream(FileMode.Open, FileAccess.Read), options.MaxDecompressedBytes, () =>
                   new DocumentRejectedException(RejectionReason.ExpandsTooMuch, string.Create(CultureInfo.InvariantCulture,
                       $"'{sourceName}': its part '{main.Uri}' expands past {options.MaxDecompressedBytes:N0} bytes; that is the limit for a DOCX."))))
        {
            DocxBodyReader.Read(part, main.Uri.ToString(), styles, collector, options.MaxDecompressedBytes);
        }

        var startsWithTitle = collector.Drafts.Count > 0 && collector.Drafts[0].Kind == BlockKind.Title;
        var declared = document.PackageProperties.Title;
        return collector.Finish(declared, firstHeadingIsTitle: startsWithTitle);
    }
}
