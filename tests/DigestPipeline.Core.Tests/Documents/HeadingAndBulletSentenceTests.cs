using DigestPipeline.Core.Documents;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

/// <summary>A heading or a bullet item is a sentence of its own, never glued to the sentence that follows it.</summary>
public sealed class HeadingAndBulletSentenceTests
{
    [Theory]
    [InlineData("Le compute devient un enjeu énergétique")]
    [InlineData("NVIDIA : penser système, pas composants")]
    [InlineData("Santé : une transformation silencieuse mais profonde")]
    public void Seed_headings_are_sentences_of_their_own(string heading)
    {
        DocumentReading.ReadSeed().SentenceTexts().ShouldContain(heading);
    }

    [Fact]
    public void Seed_bullets_are_sentences_of_their_own_and_the_text_after_a_list_starts_anew()
    {
        var sentences = DocumentReading.ReadSeed().SentenceTexts().ToList();

        var item = sentences.IndexOf("et les usages industriels sont prêts à basculer.");
        item.ShouldBeGreaterThan(0);
        sentences[item - 1].ShouldBe("les coûts du compute à la périphérie diminuent,");
        sentences[item + 1].ShouldBe("L’IA quitte le monde numérique pour entrer dans le réel.");
        sentences.ShouldContain("médecine prédictive intégrée.");
        sentences.ShouldContain("Les avancées évoquées :", "the line that introduces the list ends before its first item");
    }

    [Fact]
    public void A_heading_typed_right_above_its_text_is_a_sentence_of_its_own()
    {
        var document = DocumentReading.ReadText("note.txt",
            "Notes de réunion\n\nIntroduction du texte.\n\nUne section\nLe texte de la section suit directement son titre. Il continue.\n\nNext steps\nThe committee will review the security measures at its next meeting.");

        document.SentenceTexts().ShouldBe(
        [
            "Notes de réunion",
            "Introduction du texte.",
            "Une section",
            "Le texte de la section suit directement son titre.",
            "Il continue.",
            "Next steps",
            "The committee will review the security measures at its next meeting.",
        ]);
        document.BlockTexts(BlockKind.Heading).ShouldBe(["Une section", "Next steps"]);
    }

    [Fact]
    public void A_hard_wrapped_paragraph_keeps_its_lines_together()
    {
        var document = DocumentReading.ReadText("note.txt",
            "Notes\n\nIntroduction du texte.\n\nThe summit brought together more than four hundred leaders from\nNVIDIA, Meta and Hugging Face to discuss the future of AI systems.");

        document.SentenceTexts().Last().ShouldBe(
            "The summit brought together more than four hundred leaders from NVIDIA, Meta and Hugging Face to discuss the future of AI systems.");
    }

    [Theory]
    [InlineData("note.txt", "Points\n\nIntroduction du texte.\n\n• premier point sans point\n• Second point\nUn paragraphe collé. Puis un autre.")]
    [InlineData("note.md", "# Points\n\nIntroduction du texte.\n\n- premier point sans point\n- Second point\n\nUn paragraphe collé. Puis un autre.")]
    public void A_bullet_item_is_never_glued_to_the_next_sentence(string name, string text)
    {
        DocumentReading.ReadText(name, text).SentenceTexts().ShouldBe(
            ["Points", "Introduction du texte.", "premier point sans point", "Second point", "Un paragraphe collé.", "Puis un autre."]);
    }
}
