using System.Net;
using DigestPipeline.Core.Digests;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Digests;

public sealed class A_cited_list_is_shown_as_a_list
{
    private const string IntroducedList =
        "Les avancées évoquées :\n\n• détection précoce des cancers avant le stade 1,\n• réduction des cycles d’essais cliniques,\n• médecine <b>prédictive</b> intégrée.";

    [Fact]
    public void The_html_part_quotes_the_introduction_and_lists_each_item_encoded()
    {
        var digest = DigestSamples.Compose(ContentCiting(IntroducedList));

        WebUtility.HtmlDecode(digest.Html).ShouldContain("«\u00A0Les avancées évoquées :\u00A0»<ul");
        digest.Html.ShouldContain(">détection précoce des cancers avant le stade 1,</li>");
        digest.Html.ShouldContain(">médecine &lt;b&gt;prédictive&lt;/b&gt; intégrée.</li>");
        digest.Html.ShouldNotContain("•");
        digest.Html.ShouldNotContain("<b>");
    }

    [Fact]
    public void The_text_part_puts_each_item_on_its_own_bulleted_line()
    {
        var digest = DigestSamples.Compose(ContentCiting(IntroducedList));

        var lines = digest.Text.Split('\n');
        lines.ShouldContain("  - «\u00A0Les avancées évoquées :\u00A0»");
        lines.ShouldContain("      • détection précoce des cancers avant le stade 1,");
        lines.ShouldContain("      • réduction des cycles d’essais cliniques,");
    }

    [Theory]
    [InlineData("Une phrase sans liste.")]
    [InlineData("Deux lignes\nsans puce.")]
    public void A_sentence_without_items_stays_one_quoted_line(string sentence)
    {
        var digest = DigestSamples.Compose(ContentCiting(sentence));

        digest.Html.ShouldNotContain("<ul");
        digest.Text.ShouldContain("«\u00A0" + sentence.Replace('\n', ' ') + "\u00A0»");
    }

    private static DigestContent ContentCiting(string sentence) =>
        DigestSamples.WithThemes(DigestSamples.Content("fr"),
            new DigestThemeGroup("sante", "Santé", [DigestSamples.Item("doc-l", "Sommet", "Le Monde", sentence)]));
}
