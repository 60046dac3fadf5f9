using System.Text;
using DigestPipeline.Core.Documents;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

public sealed class RejectionTests
{
    private static DocumentRejectedException Reject(string name, byte[] content, long maxBytes = 10 * 1024 * 1024)
        => Should.Throw<DocumentRejectedException>(() => DocumentReading.Read(name, content, maxBytes));

    [Fact]
    public void Empty_upload_is_rejected_as_empty()
    {
        var rejection = Reject("empty.txt", []);

        rejection.Reason.ShouldBe(RejectionReason.Empty);
        rejection.Message.ShouldContain("empty");
    }

    [Theory]
    [InlineData(" \n\t\r\n   ")]
    [InlineData("\u00A0\n\u202F\u200B\n")]
    public void Whitespace_only_upload_has_no_text(string content)
    {
        var rejection = Reject("blank.txt", Encoding.UTF8.GetBytes(content));

        rejection.Reason.ShouldBe(RejectionReason.NoText);
        rejection.Message.ShouldContain("whitespace");
    }

    [Fact]
    public void Utf8_bom_alone_has_no_text()
    {
        Reject("bom.txt", [0xEF, 0xBB, 0xBF]).Reason.ShouldBe(RejectionReason.NoText);
    }

    [Fact]
    public void Markdown_with_only_markup_has_no_text()
    {
        Reject("rules.md", Encoding.UTF8.GetBytes("---\n\n***\n\n<div></div>\n")).Reason.ShouldBe(RejectionReason.NoText);
    }

    [Fact]
    public void Nul_laden_bytes_are_rejected_as_binary()
    {
        var content = new byte[4096];
        for (var i = 0; i < content.Length; i++) content[i] = (byte)(i % 7 == 0 ? 0 : 'a' + (i % 26));

        var rejection = Reject("data.txt", content);

        rejection.Reason.ShouldBe(RejectionReason.Binary);
        rejection.Message.ShouldContain("NUL");
    }

    [Fact]
    public void Many_control_characters_are_rejected_as_binary()
    {
        var content = Enumerable.Range(0, 2000).Select(i => (byte)(i % 3 == 0 ? 0x01 + (i % 8) : 'x')).ToArray();

        Reject("data.txt", content).Reason.ShouldBe(RejectionReason.Binary);
    }

    [Fact]
    public void A_stray_control_character_in_real_text_is_dropped_not_rejected()
    {
        var document = DocumentReading.ReadText("note.txt", "Titre\n\nUn texte\u0007 presque propre.\n\nFin.");

        document.Text.ShouldContain("Un texte presque propre.");
    }

    [Fact]
    public void A_damaged_pdf_is_sniffed_as_pdf_and_rejected_as_malformed_even_under_a_text_name()
    {
        var rejection = Reject("report.txt", Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"));

        rejection.Reason.ShouldBe(RejectionReason.Malformed);
        rejection.Message.ShouldStartWith("'report.txt' is not a readable PDF file");
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, (byte)'a', (byte)'.', (byte)'t', (byte)'x', (byte)'t' }, "ZIP archive")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00 }, "PNG image")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F' }, "JPEG image")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 0x01, 0x00 }, "GIF image")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00 }, "gzip")]
    public void Known_binary_formats_are_sniffed_from_their_magic_bytes(byte[] content, string format)
    {
        var rejection = Reject("upload.md", content);

        rejection.Reason.ShouldBe(RejectionReason.UnsupportedType);
        rejection.Message.ShouldStartWith($"{format} documents are not supported: 'upload.md' must be PDF, Word (DOCX), HTML, Markdown or plain text.");
    }

    [Fact]
    public void A_damaged_docx_is_sniffed_as_word_and_rejected_as_malformed()
    {
        var rejection = Reject("upload.md", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, (byte)'w', (byte)'o', (byte)'r', (byte)'d', (byte)'/', (byte)'d']);

        rejection.Reason.ShouldBe(RejectionReason.Malformed);
        rejection.Message.ShouldStartWith("'upload.md' is not a readable Word (DOCX) file");
    }

    [Fact]
    public void Upload_larger_than_the_limit_is_rejected_before_it_is_read()
    {
        var content = Encoding.UTF8.GetBytes(new string('a', 2048));

        var rejection = Reject("big.txt", content, maxBytes: 1024);

        rejection.Reason.ShouldBe(RejectionReason.TooLarge);
        rejection.Message.ShouldContain("limit");
        DocumentReading.Read("fits.txt", Encoding.UTF8.GetBytes("Titre\n\nTexte."), maxBytes: 1024).Title.ShouldBe("Titre");
    }

    [Fact]
    public void An_upload_of_exactly_the_limit_is_accepted()
    {
        var text = "Titre\n\n" + new string('a', 93) + ".";
        var content = Encoding.UTF8.GetBytes(text);

        DocumentReading.Read("exact.txt", content, maxBytes: content.Length).SizeBytes.ShouldBe(content.Length);
    }
}
