using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

/// <summary>
/// French « guillemets »: a quotation ending with . ? ! followed by a lowercase incise stays one sentence with it; a
/// full quoted sentence followed by a capitalised sentence splits after the closing ». Read through the document
/// reader, with the non-breaking spaces French typography puts inside the guillemets.
/// </summary>
public sealed class GuillemetSplittingTests
{
    private static IEnumerable<string> SentencesOf(string paragraph) =>
        DocumentReading.ReadText("note.txt", "Titre\n\n" + paragraph + "\n\nFin du texte.").SentenceTexts().Skip(1).SkipLast(1);

    [Theory]
    [InlineData(' ')]
    [InlineData('\u00A0')]
    [InlineData('\u202F')]
    public void A_quotation_followed_by_a_lowercase_incise_is_one_sentence(char space)
    {
        SentencesOf($"«{space}C’est fini{space}!{space}» a-t-il dit. Puis il est parti.")
            .ShouldBe(["« C’est fini ! » a-t-il dit.", "Puis il est parti."]);
    }

    [Theory]
    [InlineData(' ')]
    [InlineData('\u00A0')]
    [InlineData('\u202F')]
    public void A_full_quoted_sentence_before_a_capital_ends_after_the_closing_guillemet(char space)
    {
        SentencesOf($"Elle a conclu{space}: «{space}Nous sommes prêts.{space}» Le public a applaudi. «{space}Vraiment{space}?{space}» Oui.")
            .ShouldBe(["Elle a conclu : « Nous sommes prêts. »", "Le public a applaudi.", "« Vraiment ? »", "Oui."]);
    }

    [Fact]
    public void A_comma_after_the_closing_guillemet_continues_the_sentence()
    {
        SentencesOf("« C’est fini ! », a-t-il dit. Puis il est parti.").ShouldBe(["« C’est fini ! », a-t-il dit.", "Puis il est parti."]);
    }

    [Fact]
    public void A_quotation_of_several_sentences_stays_in_the_sentence_that_opens_it()
    {
        SentencesOf("Elle résume : « Nous sommes prêts. Le reste suivra. » Le public a applaudi.")
            .ShouldBe(["Elle résume : « Nous sommes prêts. Le reste suivra. »", "Le public a applaudi."]);
    }

    [Fact]
    public void A_guillemet_never_closed_does_not_stop_the_splitting()
    {
        SentencesOf("Il cite « un mot sans fin. La suite parle d’autre chose. Et encore.")
            .ShouldBe(["Il cite « un mot sans fin.", "La suite parle d’autre chose.", "Et encore."]);
    }

    [Fact]
    public void A_quotation_closed_too_far_away_is_taken_as_unclosed()
    {
        var longQuote = string.Join(" ", Enumerable.Repeat("Une phrase de la citation.", 30));
        SentencesOf($"Il dit : « {longQuote} » Fin.").Count().ShouldBeGreaterThan(2);
    }
}
