using System.Globalization;
using System.IO.Compression;
using System.Text;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Tests.Documents.Formats;

namespace DigestPipeline.Core.Tests.Documents.BadInput;

/// <summary>One bad (or odd) upload: its blob name, how to make its bytes, and what must become of it.</summary>
/// <param name="Rejected">The rejection reason expected, or null when it is legitimately a document and must be processed.</param>
/// <param name="StoredName">The name storage keeps: Azure Storage and Azurite turn a backslash into '/'.</param>
internal sealed record BadInput(string Case, string BlobName, Func<byte[]> Build, RejectionReason? Rejected)
{
    public string StoredName => BlobName.Replace('\\', '/');

    public override string ToString() => Case;
}

/// <summary>
/// The bad-input corpus, generated (no checked-in binaries): shared by the Core tests (through
/// <see cref="DocumentReader"/>) and the integration test (uploaded to Azurite through the running host).
/// Read with <see cref="Options"/>: a smaller size cap than the default, so the 50 MB text is refused cheaply.
/// </summary>
internal static class BadInputCorpus
{
    public static DocumentReaderOptions Options => new() { MaxBytes = 8 * 1024 * 1024 };

    private const string French = "Le conseil municipal a voté le budget des écoles. Les parents d’élèves réclament « plus de moyens » pour la cantine. "
                                  + "La maire a promis une réponse avant l’été, après une réunion publique à la mairie.";

    private const string English = "The city council approved the school budget on Tuesday. Parents asked for more money for canteens and libraries. "
                                   + "The mayor promised an answer before the summer, after a public meeting at the town hall.";

    /// <summary>A small good text document, different for every case so that no two are one document by content.</summary>
    public static string GoodText(string @case) => $"Budget des écoles ({@case})\n\n{French}\n\nLa suite\n\n{French}\n";

    public static IReadOnlyList<BadInput> All { get; } = Build();

    private static List<BadInput> Build()
    {
        var cases = new List<BadInput>();

        void Add(string @case, string name, Func<byte[]> content, RejectionReason? rejected) => cases.Add(new BadInput(@case, name, content, rejected));
        void Text(string @case, string name, Func<string> text, RejectionReason? rejected) => Add(@case, name, () => Encoding.UTF8.GetBytes(text()), rejected);

        // Empty and blank.
        Add("empty", "bad/empty.txt", () => [], RejectionReason.Empty);
        Text("spaces-and-newlines", "bad/blank.txt", () => " \n\t\r\n   \n", RejectionReason.NoText);
        Text("unicode-spaces-only", "bad/unicode-blank.txt", () => "\u00A0\u202F\u200B\u2028\u3000\n", RejectionReason.NoText);
        Add("utf8-bom-only", "bad/bom.txt", () => [0xEF, 0xBB, 0xBF], RejectionReason.NoText);
        Text("markdown-only-markup", "bad/rules.md", () => "---\n\n***\n\n<div></div>\n\n```\ncode only\n```\n", RejectionReason.NoText);

        // Binary and other formats.
        Add("random-bytes", "bad/random.bin", () => RandomBytes(64 * 1024, allowNul: true), RejectionReason.Binary);
        Add("random-bytes-without-nul", "bad/random.txt", () => RandomBytes(64 * 1024, allowNul: false), RejectionReason.Binary);
        Text("control-characters", "bad/controls.txt", () => string.Concat(Enumerable.Repeat("a\u0001\u0002\u0003b\u001B[31m", 500)), RejectionReason.Binary);
        Add("nul-in-text", "bad/nul.txt", () => [.. Encoding.UTF8.GetBytes(GoodText("nul")), 0, .. Encoding.UTF8.GetBytes(French)], RejectionReason.Binary);
        Add("png-image", "bad/picture.txt", () => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomBytes(2048, allowNul: true)], RejectionReason.UnsupportedType);
        Add("jpeg-image", "bad/photo.pdf", () => [0xFF, 0xD8, 0xFF, 0xE0, .. RandomBytes(2048, allowNul: true)], RejectionReason.UnsupportedType);
        Add("gzip", "bad/archive.gz", () => Gzip(Encoding.UTF8.GetBytes(GoodText("gzip"))), RejectionReason.UnsupportedType);
        Add("elf-executable", "bad/run.txt", () => [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, .. RandomBytes(1024, allowNul: true)], RejectionReason.UnsupportedType);
        Add("legacy-word-doc", "bad/old.doc", () => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[512]], RejectionReason.UnsupportedType);
        Text("rtf", "bad/letter.rtf", () => "{\\rtf1\\ansi{\\fonttbl\\f0\\fswiss Helvetica;}\\f0\\pard Bonjour.\\par}", RejectionReason.UnsupportedType);
        Add("plain-zip", "bad/files.zip", () => Zip(("notes.txt", Encoding.UTF8.GetBytes(GoodText("zip")))), RejectionReason.UnsupportedType);
        Add("xlsx-like-zip", "bad/sheet.docx", () => Zip(("xl/workbook.xml", "<workbook/>"u8.ToArray())), RejectionReason.UnsupportedType);
        Text("svg", "bad/drawing.html", () => "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>Bonjour</text></svg>", RejectionReason.UnsupportedType);
        Text("xml-data", "bad/data.txt", () => "<?xml version=\"1.0\"?><rows><row>1</row></rows>", RejectionReason.UnsupportedType);

        // PDF.
        Add("pdf-truncated-half", "bad/truncated-half.pdf", () => Half(GoodPdf("truncated")), RejectionReason.Malformed);
        Add("pdf-header-only", "bad/header-only.pdf", () => "%PDF-1.7\n"u8.ToArray(), RejectionReason.Malformed);
        Add("pdf-garbage-after-header", "bad/garbage.pdf", () => [.. "%PDF-1.4\n"u8.ToArray(), .. RandomBytes(8192, allowNul: true)], RejectionReason.Malformed);
        Add("pdf-encrypted", "bad/encrypted.pdf", EncryptedPdf, RejectionReason.Encrypted);
        Add("pdf-too-many-pages", "bad/pages.pdf", () => BlankPdf(501), RejectionReason.TooManyPages);
        Add("pdf-without-text", "bad/scan.pdf", () => BlankPdf(2), RejectionReason.NoText);

        // DOCX.
        Add("docx-zip-bomb", "bad/bomb.docx", () => WithEntry(GoodDocx("bomb"), "word/media/image1.bin", new byte[64 * 1024 * 1024]), RejectionReason.ExpandsTooMuch);
        Add("docx-too-many-entries", "bad/entries.docx", () => WithEntries(GoodDocx("entries"), 1500), RejectionReason.ExpandsTooMuch);
        Add("docx-billion-laughs", "bad/laughs.docx", () => WithDocumentXmlPrefix(GoodDocx("laughs"), BillionLaughs), RejectionReason.Malformed);
        Add("docx-external-entity", "bad/xxe.docx", () => WithDocumentXmlPrefix(GoodDocx("xxe"), ExternalEntity), RejectionReason.Malformed);
        Add("docx-truncated", "bad/truncated.docx", () => Half(GoodDocx("truncated")), RejectionReason.Malformed);
        Add("docx-without-document-part", "bad/no-body.docx", () => Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/styles.xml", "<styles/>"u8.ToArray())), RejectionReason.Malformed);
        Add("docx-empty-body", "bad/empty-body.docx", () => DocumentRenderings.Docx([]), RejectionReason.NoText);

        // HTML.
        Text("html-only-script-and-iframes", "bad/scripts.html", () => "<!DOCTYPE html><html><head><script>alert('x')</script></head><body>"
            + string.Concat(Enumerable.Repeat("<script>document.write('<p>injected</p>')</script><iframe src=\"https://evil.example\"></iframe><noscript>Activez JavaScript</noscript>", 200))
            + "</body></html>", RejectionReason.NoText);
        Text("html-only-navigation", "bad/chrome.html", () => "<html><body><nav><a href=/>Accueil</a></nav><header>Le site</header><footer>© 2025</footer><aside>Pub</aside></body></html>", RejectionReason.NoText);
        Text("html-script-around-an-article", "odd/article-with-scripts.html", () => "<!doctype html><html><head><title>Budget</title><script>steal()</script></head><body>"
            + "<iframe src=\"https://evil.example\"></iframe><h1>Budget des écoles</h1><script>var t = '<h2>faux</h2>';</script>"
            + $"<p onclick=\"steal()\">{French}</p><template><p>caché</p></template><ul><li>cantine</li><li>bibliothèque</li></ul><p>{French}</p></body></html>", null);
        Text("html-deeply-nested", "odd/nested.html", () => "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 20_000)) + $"<p>{French}</p>" + string.Concat(Enumerable.Repeat("</div>", 20_000)) + "</body></html>", null);
        Text("html-unclosed-tags", "odd/unclosed.html", () => $"<html><body><h1>Budget des écoles<p>{French}<ul><li>cantine<li>bibliothèque<p>{English}", null);

        // Encodings.
        Add("invalid-utf8", "odd/invalid-utf8.txt", () => [.. Encoding.UTF8.GetBytes(GoodText("invalid-utf8")), 0xC3, 0x28, 0xA0, 0xA1, 0xFF, .. Encoding.UTF8.GetBytes(French)], null);
        Add("utf16-le-without-bom", "bad/utf16le.txt", () => Encoding.Unicode.GetBytes(GoodText("utf16le")), RejectionReason.Binary);
        Add("utf16-be-without-bom", "bad/utf16be.txt", () => Encoding.BigEndianUnicode.GetBytes(GoodText("utf16be")), RejectionReason.Binary);
        Add("utf16-le-with-bom", "odd/utf16le-bom.txt", () => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(GoodText("utf16le-bom"))], null);
        Add("windows-1252", "odd/windows-1252.txt", () => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(GoodText("windows-1252")), null);

        // Size and shape.
        Add("text-50-mb", "bad/huge.txt", () => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("Une phrase de test. ", 50 * 1024 * 1024 / 20))), RejectionReason.TooLarge);
        Text("one-5-mb-line-without-punctuation", "odd/one-line.txt", () => "Titre\n\n" + string.Concat(Enumerable.Repeat("mot ", 5 * 1024 * 1024 / 4)), null);
        Text("100000-one-word-sentences", "odd/sentences.txt", () => "Titre\n\n" + string.Concat(Enumerable.Repeat("Mot. ", 100_000)), null);
        Text("one-1-mb-word", "odd/one-word.txt", () => new string('x', 1024 * 1024), null);
        Text("title-only", "odd/title-only.txt", () => "Budget des écoles", null);
        Text("crlf-and-cr-line-ends", "odd/line-ends.txt", () => GoodText("crlf").Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\rFin.\r", null);
        Text("emoji-only", "odd/emoji.txt", () => "😀🎉🚀 😀🎉🚀 😀🎉🚀", null);
        Text("chinese-without-spaces", "odd/chinese.txt", () => "学校预算\n\n市议会周二批准了学校预算。家长们要求为食堂和图书馆增加资金。市长承诺在夏天之前给出答复。", null);
        Text("arabic-right-to-left", "odd/arabic.txt", () => "ميزانية المدارس\n\nوافق المجلس البلدي على ميزانية المدارس يوم الثلاثاء. طالب الآباء بمزيد من المال للمقاصف.", null);
        Text("script-text-in-plain-text", "odd/script.txt", () => GoodText("script") + "<script>alert(document.cookie)</script>\n\n\"Subject: x\r\nBcc: all@example.com\"", null);

        // Blob names (good content: processed, whatever the name, unless the name is unsafe).
        Text("name-with-dot-dot", "../documents/escape.json", () => GoodText("dot-dot"), RejectionReason.UnsafeName);
        Text("name-with-nested-dot-dot", "names/a/../../quarantine/x.txt", () => GoodText("nested-dot-dot"), RejectionReason.UnsafeName);
        Text("name-with-backslashes", @"names\..\..\documents\backslash.json", () => GoodText("backslashes"), RejectionReason.UnsafeName);
        Text("name-with-backslash-in-a-segment", @"names\windows\system32.txt", () => GoodText("backslash-segment"), null);
        Text("name-with-control-characters", "names/bell\u0007and\u001Bescape.txt", () => GoodText("control-name"), RejectionReason.UnsafeName);
        Text("name-absolute", "/etc/passwd", () => GoodText("absolute"), RejectionReason.UnsafeName);
        Text("name-1024-characters", "names/" + new string('n', UploadName.MaxLength - 10) + ".txt", () => GoodText("long-name"), null);
        Text("name-non-latin", "names/文档/доклад-تقرير.txt", () => GoodText("non-latin-name"), null);
        Text("name-with-markup", "names/<script>alert(1)<\\script>.html.txt", () => GoodText("markup-name"), null);
        Text("name-with-spaces-and-percent", "names/100% budget %2e%2e.txt", () => GoodText("percent-name"), null);

        return cases;
    }

    private static byte[] RandomBytes(int length, bool allowNul)
    {
        var random = new Random(length);
        var bytes = new byte[length];
        random.NextBytes(bytes);
        if (!allowNul)
        {
            for (var i = 0; i < bytes.Length; i++) bytes[i] = bytes[i] == 0 ? (byte)1 : bytes[i];
        }

        return bytes;
    }

    private static byte[] Half(byte[] content) => content[..(content.Length / 2)];

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(content);
        return output.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }

    private static IEnumerable<(BlockKind, string)> GoodParts(string @case) =>
        [(BlockKind.Title, $"Budget des écoles ({@case})"), (BlockKind.Paragraph, French), (BlockKind.Heading, "La suite"), (BlockKind.Paragraph, French)];

    private static byte[] GoodPdf(string @case) => DocumentRenderings.Pdf(GoodParts(@case), standardFont: false);

    private static byte[] GoodDocx(string @case) => DocumentRenderings.Docx(GoodParts(@case));

    private static byte[] BlankPdf(int pages)
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        for (var i = 0; i < pages; i++) builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        return builder.Build();
    }

    private static byte[] Edit(byte[] package, Action<ZipArchive> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update)) edit(zip);
        return stream.ToArray();
    }

    private static byte[] WithEntry(byte[] package, string name, byte[] content) => Edit(package, zip =>
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        entry.Write(content);
    });

    private static byte[] WithEntries(byte[] package, int count) => Edit(package, zip =>
    {
        for (var i = 0; i < count; i++)
        {
            using var entry = zip.CreateEntry(string.Create(CultureInfo.InvariantCulture, $"customXml/item{i}.xml")).Open();
            entry.Write("<a/>"u8);
        }
    });

    private const string BillionLaughs = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
        """;

    private const string ExternalEntity = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE d [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>
        """;

    /// <summary>Replaces the main document part with <paramref name="xml"/>.</summary>
    private static byte[] WithDocumentXmlPrefix(byte[] package, string xml) => Edit(package, zip =>
    {
        var entry = zip.Entries.Single(e => e.FullName.EndsWith("document.xml", StringComparison.Ordinal) && e.FullName.StartsWith("word/", StringComparison.Ordinal));
        var name = entry.FullName;
        entry.Delete();
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(xml));
    });

    /// <summary>A one-page PDF whose trailer names a Standard security handler with a user password: PdfPig cannot open it without one.</summary>
    private static byte[] EncryptedPdf()
    {
        var hex32 = Convert.ToHexString(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            "<< /Length 9 >>\nstream\n123456789\nendstream",
            $"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <{hex32}> /U <{hex32}> >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<{hex32[..32]}> <{hex32[..32]}>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
