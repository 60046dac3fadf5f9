using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

public sealed class FrenchSentenceSplittingTests
{
    [Fact]
    public void French_spacing_before_question_and_exclamation_marks_ends_the_sentence_with_its_mark()
    {
        DocumentReading.SplitParagraph("Faut-il s’inquiéter ? Oui, sans doute ! Les experts hésitent encore.", "fr")
            .ShouldBe(["Faut-il s’inquiéter ?", "Oui, sans doute !", "Les experts hésitent encore."]);
    }

    [Fact]
    public void A_colon_or_semicolon_does_not_end_a_sentence()
    {
        DocumentReading.SplitParagraph("Le constat est clair : l’IA s’industrialise ; les coûts baissent. La suite viendra.", "fr")
            .ShouldBe(["Le constat est clair : l’IA s’industrialise ; les coûts baissent.", "La suite viendra."]);
    }

    [Fact]
    public void A_closing_guillemet_after_the_final_period_belongs_to_that_sentence()
    {
        DocumentReading.SplitParagraph("Elle a conclu : « Nous sommes prêts. » Le public a applaudi.", "fr")
            .ShouldBe(["Elle a conclu : « Nous sommes prêts. »", "Le public a applaudi."]);
    }

    [Fact]
    public void A_question_inside_guillemets_followed_by_an_incise_is_one_sentence()
    {
        DocumentReading.SplitParagraph("« Pourquoi maintenant ? » demande-t-il. Personne ne répond.", "fr")
            .ShouldBe(["« Pourquoi maintenant ? » demande-t-il.", "Personne ne répond."]);
    }

    [Fact]
    public void French_abbreviations_and_initials_do_not_end_sentences()
    {
        DocumentReading.SplitParagraph(
                "M. Dupont et Mme Martin ont rencontré le Dr. Lévy, p. ex. lors du salon. Ils citent J. Monnet. La ville date de 52 av. J.-C. et reste intacte.",
                "fr")
            .ShouldBe(
            [
                "M. Dupont et Mme Martin ont rencontré le Dr. Lévy, p. ex. lors du salon.",
                "Ils citent J. Monnet.",
                "La ville date de 52 av. J.-C. et reste intacte.",
            ]);
    }

    [Fact]
    public void Etc_ends_a_sentence_only_before_a_capital()
    {
        DocumentReading.SplitParagraph("Les robots, les capteurs, etc. sont concernés. Les usines, les ports, etc. Tout change.", "fr")
            .ShouldBe(["Les robots, les capteurs, etc. sont concernés.", "Les usines, les ports, etc.", "Tout change."]);
    }

    [Fact]
    public void Decimals_thousands_and_percentages_do_not_end_sentences()
    {
        DocumentReading.SplitParagraph("La croissance atteint 3.5% cette année, soit 1.000 emplois et 4 milliards d’euros. Elle ralentira en 2026.", "fr")
            .ShouldBe(["La croissance atteint 3.5% cette année, soit 1.000 emplois et 4 milliards d’euros.", "Elle ralentira en 2026."]);
    }

    [Fact]
    public void An_ellipsis_followed_by_lowercase_continues_the_sentence()
    {
        DocumentReading.SplitParagraph("Le modèle suffit… à condition de le maîtriser. Sinon… Tout est à refaire.", "fr")
            .ShouldBe(["Le modèle suffit… à condition de le maîtriser.", "Sinon…", "Tout est à refaire."]);
    }

    [Fact]
    public void An_elided_acronym_with_periods_does_not_end_the_sentence()
    {
        DocumentReading.SplitParagraph("Le commandement de l’U.S. Army a parlé. La presse a suivi.", "fr")
            .ShouldBe(["Le commandement de l’U.S. Army a parlé.", "La presse a suivi."]);
    }

    [Fact]
    public void No_sentence_crosses_a_block_boundary_and_headings_are_sentences_of_their_own()
    {
        var document = DocumentReading.ReadText(
            "note.txt",
            "Un titre\n\nPremier paragraphe sans point final\n\nUne section\n\nTexte de la section. Encore du texte.\n\n• un point sans point\n• un autre");

        document.SentenceTexts().ShouldBe(
        [
            "Un titre",
            "Premier paragraphe sans point final",
            "Une section",
            "Texte de la section.",
            "Encore du texte.",
            "un point sans point",
            "un autre",
        ]);
        document.BlockTexts(Core.Documents.BlockKind.Heading).ShouldBe(["Une section"]);
    }
}
