using System.Text;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

public sealed class EncodingTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private const string Sample = "Café crème\n\nLe marché a été très animé : « déjà vu », dit-on. L’été s’achève.\n\nFin de l’été.";

    [Fact]
    public void Utf16_little_endian_with_bom_is_decoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Sample)).ToArray();

        var document = DocumentReading.Read("note.txt", bytes);

        document.Title.ShouldBe("Café crème");
        document.Text.ShouldContain("« déjà vu »");
    }

    [Fact]
    public void Utf16_big_endian_and_utf32_with_bom_are_decoded()
    {
        var bigEndian = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(Sample)).ToArray();
        var utf32 = Encoding.UTF32.GetPreamble().Concat(Encoding.UTF32.GetBytes(Sample)).ToArray();

        DocumentReading.Read("note.txt", bigEndian).Title.ShouldBe("Café crème");
        DocumentReading.Read("note.txt", utf32).Title.ShouldBe("Café crème");
    }

    [Fact]
    public void Utf8_bom_is_not_part_of_the_text()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Sample)).ToArray();

        var document = DocumentReading.Read("note.txt", bytes);

        document.Text.ShouldStartWith("Café crème");
        document.Text.ShouldNotContain('\uFEFF');
    }

    [Fact]
    public void Windows_1252_e_acute_is_decoded_when_the_bytes_are_not_utf8()
    {
        var bytes = Windows1252.GetBytes("Café du matin\n\nLe marché a été animé ce matin, pour 5 €.\n\nFin.");
        bytes.ShouldContain((byte)0xE9);

        var document = DocumentReading.Read("note.txt", bytes);

        document.Title.ShouldBe("Café du matin");
        document.Text.ShouldContain("Le marché a été animé ce matin, pour 5 €.");
    }

    [Fact]
    public void Windows_1252_typographic_apostrophe_is_decoded()
    {
        var bytes = Windows1252.GetBytes("L’été brûlant\n\nTexte.\n\nFin.");
        bytes[1].ShouldBe((byte)0x92);

        DocumentReading.Read("note.txt", bytes).Title.ShouldBe("L’été brûlant");
    }

    [Fact]
    public void Invalid_utf8_falls_back_to_windows_1252_instead_of_replacement_characters()
    {
        // Valid UTF-8 "é" (C3 A9) followed by a lone continuation byte makes the whole file invalid UTF-8.
        var bytes = Encoding.UTF8.GetBytes("Titre\n\nUn texte mal encodé.\n\nFin.").Concat(new byte[] { 0xA9 }).ToArray();

        var document = DocumentReading.Read("note.txt", bytes);

        document.Text.ShouldNotContain('\uFFFD');
        document.Text.ShouldContain("encodÃ©");
        document.Text.ShouldEndWith("Fin.©");
    }

    [Fact]
    public void Valid_utf8_without_bom_is_read_as_utf8()
    {
        var document = DocumentReading.Read("note.txt", Encoding.UTF8.GetBytes(Sample));

        document.Title.ShouldBe("Café crème");
        document.SizeBytes.ShouldBe(Encoding.UTF8.GetByteCount(Sample));
    }
}
