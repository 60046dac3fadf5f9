using System.Text;
using DigestPipeline.Core.Documents;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

public sealed class SeedNormalisationTests
{
    [Fact]
    public void Seed_bytes_hold_the_oddities_the_normaliser_must_handle()
    {
        var raw = Encoding.UTF8.GetString(DocumentReading.SeedBytes());

        raw.Split('\n').ShouldContain("\u00A0");
        raw.ShouldContain("  • \u00A0les coûts");
        raw.ShouldContain("«\u00A0compute\u00A0»");
        raw.ShouldContain("souveraineté.\nLes armées");
    }

    [Fact]
    public void Normalised_seed_has_no_exotic_spaces_no_blank_runs_and_no_padded_lines()
    {
        var text = DocumentReading.ReadSeed().Text;

        text.ShouldNotContain('\u00A0');
        text.ShouldNotContain('\u202F');
        text.ShouldNotContain('\r');
        text.ShouldNotContain('\t');
        text.ShouldNotContain("  ");
        text.ShouldNotContain("\n\n\n");
        text.Split('\n').ShouldAllBe(line => line == line.Trim());
        text.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();
    }

    [Fact]
    public void Typographic_apostrophes_quotes_and_dashes_are_kept()
    {
        var text = DocumentReading.ReadSeed().Text;

        text.ShouldContain("l’IA");
        text.ShouldContain("l’IA “outil” à l’IA “système”");
        text.ShouldContain("« compute »");
        text.ShouldContain("ce sommet – organisé par eMerge Americas");
        text.ShouldContain("les organisations… à condition");
        text.ShouldNotContain("l'IA");
    }

    [Fact]
    public void Bullet_lines_become_list_items_without_their_bullet_or_padding()
    {
        var document = DocumentReading.ReadSeed();

        var items = document.BlockTexts(BlockKind.ListItem).ToList();
        items.ShouldContain("les coûts du compute à la périphérie diminuent,");
        items.ShouldAllBe(item => !item.StartsWith('•') && item == item.Trim());
    }

    [Theory]
    [InlineData("Titre\n\nUn\u00A0paragraphe\u202Favec\u2009des\u2007espaces\tet un tiret\u200B con\u00ADditionnel.\n\nFin du texte.", "Un paragraphe avec des espaces et un tiret conditionnel.")]
    [InlineData("Titre\r\n\r\nLigne un\r\nligne deux.\r\n\r\nFin du texte.", "Ligne un ligne deux.")]
    [InlineData("Titre\r\rPremier   paragraphe   aéré.\r\rFin du texte.", "Premier paragraphe aéré.")]
    public void Spaces_invisible_characters_and_line_endings_are_normalised(string input, string expectedParagraph)
    {
        var document = DocumentReading.ReadText("note.txt", input);

        document.Blocks.Select(document.BlockText).ShouldContain(expectedParagraph);
        document.Text.ShouldNotContain('\r');
    }

    [Fact]
    public void Decomposed_accents_are_composed_to_nfc()
    {
        var document = DocumentReading.ReadText("note.txt", "Titre\n\nLe cafe\u0301 est servi.\n\nFin du texte.");

        document.Text.ShouldContain("Le café est servi.");
        document.Text.ShouldNotContain('\u0301');
    }

    [Theory]
    [InlineData("• point")]
    [InlineData("· point")]
    [InlineData("▪ point")]
    [InlineData("◦ point")]
    [InlineData("‣ point")]
    [InlineData("– point")]
    [InlineData("- point")]
    [InlineData("* point")]
    [InlineData("   •point")]
    public void Every_bullet_character_at_a_line_start_marks_a_list_item(string line)
    {
        var document = DocumentReading.ReadText("note.txt", $"Titre\n\nIntroduction :\n\n{line}\n{line} deux\n\nFin du texte.");

        document.BlockTexts(BlockKind.ListItem).ShouldBe(["point", "point deux"]);
    }

    [Fact]
    public void A_hyphen_inside_a_word_or_a_negative_number_is_not_a_bullet()
    {
        var document = DocumentReading.ReadText("note.txt", "Titre\n\n-5 % sur l’année.\n\n**Gras** en début de ligne.");

        document.Blocks.ShouldNotContain(b => b.Kind == BlockKind.ListItem);
    }
}
