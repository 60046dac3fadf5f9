using System.IO.Compression;
using System.Text;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Tests.Documents.Formats;

namespace DigestPipeline.Core.Tests.Documents.BadInput;

/// <summary>
/// A DOCX whose <c>word/document.xml</c> expands far past its upload size while staying under the package caps
/// (declared size, compression ratio): millions of short paragraphs of words drawn from a small vocabulary, the
/// shape of an upload that once took 2 GB to read. Generated and compressed as a stream: the XML is never whole in
/// memory. Shared by the reader tests and the memory benchmark.
/// </summary>
internal static class ExpandingDocx
{
    /// <param name="xmlBytes">about how large document.xml is once expanded.</param>
    /// <param name="vocabulary">distinct words; fewer compress better (100 MB of 1–2 words per paragraph out of 16: 22 to 1; of one word out of 20: 31 to 1).</param>
    /// <param name="maxWordsPerParagraph">each paragraph has 1 to this many words.</param>
    /// <param name="paragraphs">stop after this many paragraphs, whatever the size (0: no limit).</param>
    public static byte[] Build(long xmlBytes, int vocabulary, int maxWordsPerParagraph, int paragraphs = 0, int seed = 12)
    {
        var random = new Random(seed);
        var words = Enumerable.Range(0, vocabulary).Select(_ => Word(random)).ToArray();
        return WithDocumentXml(xml =>
        {
            var written = 0L;
            for (var count = 0; written < xmlBytes && (paragraphs == 0 || count < paragraphs); count++)
            {
                var paragraph = new StringBuilder("<w:p><w:r><w:t>");
                var n = random.Next(1, maxWordsPerParagraph + 1);
                for (var i = 0; i < n; i++) paragraph.Append(i == 0 ? "" : " ").Append(words[random.Next(words.Length)]);
                paragraph.Append(".</w:t></w:r></w:p>");
                written += paragraph.Length;
                xml.Write(paragraph);
            }
        });
    }

    /// <summary>One paragraph of about <paramref name="characters"/> characters of words from a small vocabulary, in one text element.</summary>
    public static byte[] OneParagraph(long characters, int vocabulary, int seed = 13)
    {
        var random = new Random(seed);
        var words = Enumerable.Range(0, vocabulary).Select(_ => Word(random)).ToArray();
        return WithDocumentXml(xml =>
        {
            xml.Write("<w:p><w:r><w:t>");
            for (var written = 0L; written < characters;)
            {
                var word = words[random.Next(words.Length)];
                xml.Write(word);
                xml.Write(' ');
                written += word.Length + 1;
            }

            xml.Write("</w:t></w:r></w:p>");
        });
    }

    /// <summary>One paragraph whose style id is an attribute of about <paramref name="characters"/> characters: one XML start tag the parser holds whole.</summary>
    /// <param name="separator">between words: "&gt; " puts a character that ends a tag outside quotes into the value.</param>
    public static byte[] OneAttribute(long characters, int vocabulary, string separator = " ", int seed = 14)
    {
        var random = new Random(seed);
        var words = Enumerable.Range(0, vocabulary).Select(_ => Word(random)).ToArray();
        return WithDocumentXml(xml =>
        {
            xml.Write("<w:p><w:pPr><w:pStyle w:val=\"");
            for (var written = 0L; written < characters;)
            {
                var word = words[random.Next(words.Length)];
                xml.Write(word);
                xml.Write(separator);
                written += word.Length + separator.Length;
            }

            xml.Write("\"/></w:pPr><w:r><w:t>Le budget.</w:t></w:r></w:p>");
        });
    }

    private static string Word(Random random)
    {
        const string letters = "abcdefghijlmnoprstuvéèà";
        return new string(Enumerable.Range(0, random.Next(2, 10)).Select(_ => letters[random.Next(letters.Length)]).ToArray());
    }

    /// <summary>
    /// A DOCX made by the Open XML SDK whose main part is replaced by the body <paramref name="writeBody"/> writes, in a
    /// package written anew (an archive opened for update would hold the new part uncompressed in memory).
    /// </summary>
    private static byte[] WithDocumentXml(Action<TextWriter> writeBody)
    {
        using var template = new ZipArchive(new MemoryStream(DocumentRenderings.Docx([(BlockKind.Paragraph, "placeholder")])), ZipArchiveMode.Read);
        using var package = new MemoryStream();
        using (var zip = new ZipArchive(package, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in template.Entries)
            {
                using var target = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
                if (entry.FullName != "word/document.xml")
                {
                    using var source = entry.Open();
                    source.CopyTo(target);
                    continue;
                }

                using var xml = new StreamWriter(target, new UTF8Encoding(false), 1 << 16);
                xml.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""");
                writeBody(xml);
                xml.Write("</w:body></w:document>");
            }
        }

        return package.ToArray();
    }
}
