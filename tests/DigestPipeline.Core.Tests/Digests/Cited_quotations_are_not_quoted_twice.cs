using System.Net;
using DigestPipeline.Core.Digests;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Digests;

public sealed class Cited_quotations_are_not_quoted_twice
{
    [Theory]
    [InlineData("« Nous ne sommes pas prêts », a reconnu la ministre.")]
    [InlineData("La ministre conclut\u00A0: « Nous ne sommes pas prêts. »")]
    [InlineData("« Nous ne sommes pas prêts. »")]
    [InlineData("“We are not ready,” the minister said.")]
    [InlineData("The minister said: “We are not ready.”")]
    public void A_sentence_that_opens_or_closes_its_own_quotation_is_shown_as_it_is(string sentence)
    {
        foreach (var language in new[] { "fr", "en" })
        {
            var digest = DigestSamples.Compose(ContentCiting(sentence, language));

            foreach (var part in new[] { WebUtility.HtmlDecode(digest.Html), digest.Text })
            {
                part.ShouldContain(sentence);
                part.ShouldNotContain("«\u00A0«");
                part.ShouldNotContain("»\u00A0»");
                part.ShouldNotContain("“«");
                part.ShouldNotContain("»”");
                part.ShouldNotContain("““");
                part.ShouldNotContain("””");
            }
        }
    }

    [Fact]
    public void A_plain_sentence_is_quoted_in_the_subscribers_language()
    {
        const string sentence = "Les hôpitaux testent des assistants.";

        var french = DigestSamples.Compose(ContentCiting(sentence, "fr"));
        var english = DigestSamples.Compose(ContentCiting(sentence, "en"));

        WebUtility.HtmlDecode(french.Html).ShouldContain("«\u00A0" + sentence + "\u00A0»");
        french.Text.ShouldContain("«\u00A0" + sentence + "\u00A0»");
        WebUtility.HtmlDecode(english.Html).ShouldContain("“" + sentence + "”");
        english.Text.ShouldContain("“" + sentence + "”");
    }

    [Fact]
    public void A_quotation_inside_a_sentence_still_gets_the_outer_marks()
    {
        const string sentence = "Le rapport parle d’un « tournant » pour les hôpitaux.";

        var digest = DigestSamples.Compose(ContentCiting(sentence, "fr"));

        digest.Text.ShouldContain("«\u00A0" + sentence + "\u00A0»");
    }

    [Theory]
    [InlineData("Plain sentence.", "“Plain sentence.”")]
    [InlineData("« Déjà citée. »", "« Déjà citée. »")]
    [InlineData("“Already quoted”, she said.", "“Already quoted”, she said.")]
    [InlineData("He said \"no\"", "He said \"no\"")]
    public void Quote_adds_marks_only_to_sentences_without_their_own(string sentence, string expected) =>
        DigestLabels.English.Quote(sentence).ShouldBe(expected);

    [Fact]
    public void A_clause_keeps_its_ellipsis_inside_the_marks() =>
        DigestLabels.French.Quote("Les hôpitaux testent des assistants", " …").ShouldBe("«\u00A0Les hôpitaux testent des assistants …\u00A0»");

    private static DigestContent ContentCiting(string sentence, string language) =>
        DigestSamples.WithThemes(DigestSamples.Content(language),
            new DigestThemeGroup("sante", "Santé", [DigestSamples.Item("doc-q", "Citations", "Le Monde", sentence)]));
}
