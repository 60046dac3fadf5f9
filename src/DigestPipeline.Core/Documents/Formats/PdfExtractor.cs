using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.Exceptions;

namespace DigestPipeline.Core.Documents.Formats;

/// <summary>
/// Reads the text layer of a PDF with PdfPig. A page is cut into regions (PdfPig's recursive X-Y cut, so columns
/// are apart) taken in reading order; in each, words are grouped into lines by baseline, lines into blocks where
/// the font size or weight changes or the gap between baselines exceeds <see cref="ParagraphGap"/> line heights. A
/// block in a font clearly larger than the body's is a heading (the largest one opening the first page: the title),
/// and so is a short line all in bold that does not end a sentence (reports often set headings bold at body size); a line
/// starting with a bullet opens a list item. A paragraph cut by a page or column break is joined again when its last line
/// has no final punctuation. A list item goes on over the lines indented past its bullet. Encrypted files, files over the page cap and files PdfPig cannot parse are rejected.
/// </summary>
internal static class PdfExtractor
{
    private const double ParagraphGap = 1.6;
    private const double HeadingScale = 1.12;

    private sealed record Line(string Text, double Size, double Baseline, double Left, bool Bold);

    public static (List<BlockDraft> Blocks, string? Title) Read(string sourceName, byte[] content, DocumentReaderOptions options, ReadBudget budget)
    {
        using var document = Open(sourceName, content);
        if (document.IsEncrypted)
            throw Encrypted(sourceName);
        if (document.NumberOfPages > options.MaxPdfPages)
        {
            throw new DocumentRejectedException(RejectionReason.TooManyPages, string.Create(CultureInfo.InvariantCulture,
                $"'{sourceName}' has {document.NumberOfPages:N0} pages; the limit for a PDF is {options.MaxPdfPages:N0}."));
        }

        // Pages are read whole by PdfPig, so the budget is checked per page and per line; the lines of all pages
        // are held until the blocks are made, so their characters count against the cap as they come (content
        // streams are compressed: a 10 MB PDF can expand to far more text).
        var collector = new BlockDraftCollector(budget, options);
        var pages = new List<List<Line>>(document.NumberOfPages);
        var characters = 0L;
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            budget.ThrowIfExceeded();
            var lines = LinesOf(document.GetPage(number), budget);
            foreach (var line in lines) characters += line.Text.Length;
            collector.EnsureRoomFor(characters);
            pages.Add(lines);
        }

        var bodySize = BodySize(pages);
        AddBlocks(pages, bodySize, collector);
        var declared = document.Information.Title;
        var firstIsTitle = pages.Count > 0 && pages[0].Count > 0 && collector.Drafts.Count > 0 && collector.Drafts[0].Kind == BlockKind.Heading
                           && pages[0][0].Size >= pages.SelectMany(p => p).Max(l => l.Size);
        return collector.Finish(declared, firstIsTitle);
    }

    private static PdfDocument Open(string sourceName, byte[] content)
    {
        try
        {
            return PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException)
        {
            throw Encrypted(sourceName);
        }
    }

    private static DocumentRejectedException Encrypted(string sourceName) =>
        new(RejectionReason.Encrypted, $"'{sourceName}' is an encrypted (password-protected) PDF; upload it without protection.");

    private static List<Line> LinesOf(Page page, ReadBudget budget)
    {
        var words = page.GetWords().Where(w => w.Letters.Count > 0 && !string.IsNullOrWhiteSpace(w.Text)).ToList();
        if (words.Count == 0)
            return [];
        var regions = UnsupervisedReadingOrderDetector.Instance.Get(RecursiveXYCut.Instance.GetBlocks(words));
        return regions.SelectMany(region => LinesOf(region.TextLines.SelectMany(line => line.Words), budget)).ToList();
    }

    private static List<Line> LinesOf(IEnumerable<Word> region, ReadBudget budget)
    {
        var words = region
            .Select(w => (Word: w, Baseline: w.Letters[0].StartBaseLine.Y, Size: w.Letters.Max(l => l.PointSize)))
            .OrderByDescending(w => w.Baseline).ThenBy(w => w.Word.BoundingBox.Left).ToList();
        var lines = new List<Line>();
        var i = 0;
        while (i < words.Count)
        {
            budget.Step();
            var first = words[i];
            var tolerance = Math.Max(first.Size, 1) * 0.4;
            var j = i;
            while (j < words.Count && Math.Abs(words[j].Baseline - first.Baseline) <= tolerance) j++;
            var lineWords = words.GetRange(i, j - i).OrderBy(w => w.Word.BoundingBox.Left).ToList();
            var text = string.Join(' ', lineWords.Select(w => w.Word.Text));
            var bold = lineWords.All(w => w.Word.Letters.All(IsBold));
            lines.Add(new Line(text, Math.Round(lineWords.Max(w => w.Size), 1), first.Baseline, lineWords[0].Word.BoundingBox.Left, bold));
            i = j;
        }

        return lines;
    }

    /// <summary>The font size that carries the most characters.</summary>
    private static double BodySize(List<List<Line>> pages) =>
        pages.SelectMany(p => p).GroupBy(l => l.Size).OrderByDescending(g => g.Sum(l => l.Text.Length)).Select(g => g.Key).FirstOrDefault();

    private static void AddBlocks(List<List<Line>> pages, double bodySize, BlockDraftCollector collector)
    {
        var text = new StringBuilder();
        var kind = BlockKind.Paragraph;
        var boldOnly = false;
        Line? previous = null;
        var itemLeft = 0d;

        void Flush()
        {
            // A heading by weight alone that ran on into a long block or a full sentence was a bold paragraph (a standfirst).
            if (kind == BlockKind.Heading && boldOnly && (text.Length > PlainTextStructureReader.MaxTitleLength || EndsSentence(text.ToString())))
                kind = BlockKind.Paragraph;
            collector.Add(kind, text.ToString());
            text.Clear();
        }

        foreach (var page in pages)
        {
            var firstOnPage = true;
            foreach (var line in page)
            {
                collector.Budget.Step();
                var bullet = PlainTextStructureReader.BulletLength(line.Text);
                var lineKind = IsHeading(line, bodySize) ? BlockKind.Heading
                    : bullet > 0 ? BlockKind.ListItem : BlockKind.Paragraph;
                var continues = previous is not null && text.Length > 0 && line.Size == previous.Size && line.Bold == previous.Bold && bullet == 0
                                // A line higher than the last opens a new page or column: it goes on only from an unfinished sentence.
                                && (firstOnPage || line.Baseline >= previous.Baseline
                                    ? kind != BlockKind.Heading && !EndsSentence(previous.Text)
                                    : previous.Baseline - line.Baseline <= ParagraphGap * line.Size)
                                && (kind != BlockKind.ListItem || line.Left > itemLeft + 1);
                if (!continues)
                {
                    Flush();
                    kind = lineKind;
                    boldOnly = line.Size <= bodySize * HeadingScale;
                    itemLeft = line.Left;
                }
                else
                {
                    text.Append(' ');
                }

                text.Append(bullet > 0 ? line.Text[bullet..] : line.Text);
                previous = line;
                firstOnPage = false;
            }
        }

        Flush();
    }

    private static bool IsHeading(Line line, double bodySize) =>
        line.Text.Length <= PlainTextStructureReader.MaxTitleLength
        && (line.Size > bodySize * HeadingScale || (line.Bold && PlainTextStructureReader.BulletLength(line.Text) == 0 && !EndsSentence(line.Text)));

    private static bool IsBold(Letter letter) =>
        letter.FontDetails?.IsBold == true || letter.FontName?.Contains("Bold", StringComparison.OrdinalIgnoreCase) == true;

    private static bool EndsSentence(string line) => line.Length > 0 && line[^1] is '.' or '!' or '?' or '…' or ':' or '»' or '"' or '”';
}
