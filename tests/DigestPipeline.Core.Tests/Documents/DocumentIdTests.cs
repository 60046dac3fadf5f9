using System.Security.Cryptography;
using System.Text;
using DigestPipeline.Core.Documents;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

public sealed class DocumentIdTests
{
    [Fact]
    public void Same_content_in_utf8_and_utf16_has_the_same_id()
    {
        var text = Encoding.UTF8.GetString(DocumentReading.SeedBytes());
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        var fromUtf8 = DocumentReading.Read("a.txt", DocumentReading.SeedBytes());
        var fromUtf16 = DocumentReading.Read("renamed-copy.txt", utf16);

        fromUtf16.Id.ShouldBe(fromUtf8.Id);
        fromUtf16.Text.ShouldBe(fromUtf8.Text);
        fromUtf16.SizeBytes.ShouldNotBe(fromUtf8.SizeBytes);
    }

    [Fact]
    public void Id_is_the_first_32_lowercase_hex_chars_of_the_sha256_of_the_normalised_text()
    {
        var document = DocumentReading.ReadSeed();

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.Text)))[..32];
        document.Id.ShouldBe(expected);
        document.Id.ShouldMatch("^[0-9a-f]{32}$");
    }

    [Fact]
    public void Line_endings_and_spacing_differences_do_not_change_the_id()
    {
        var unix = DocumentReading.ReadText("a.txt", "Titre\n\nUn  paragraphe.\n\nFin.");
        var windows = DocumentReading.ReadText("b.txt", "Titre\r\n\r\n  Un\u00A0paragraphe.  \r\n\u00A0\r\nFin.\r\n");

        windows.Id.ShouldBe(unix.Id);
    }

    [Fact]
    public void Different_content_has_a_different_id()
    {
        DocumentReading.ReadText("a.txt", "Titre\n\nUn paragraphe.").Id
            .ShouldNotBe(DocumentReading.ReadText("a.txt", "Titre\n\nUn autre paragraphe.").Id);
    }
}
