using System.Net;
using DigestPipeline.Core.Digests;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Digests;

public sealed class Labels_follow_subscriber_language
{
    [Theory]
    [InlineData("fr")]
    [InlineData("fr-CA")]
    public void French_subscriber_gets_french_labels(string language)
    {
        var digest = DigestSamples.Compose(DigestSamples.Content(language));

        // The HTML part may write a no-break space as &#xA0;: compare what a reader sees.
        foreach (var part in new[] { WebUtility.HtmlDecode(digest.Html), digest.Text })
        {
            part.ShouldContain("Bonjour Marie Curie,");
            part.ShouldContain("Voici les nouveautés sur vos thèmes.");
            part.ShouldContain("Source\u00A0: Libération");
            part.ShouldContain("Mots-clés\u00A0:");
            part.ShouldContain("6 nouveautés");
            part.ShouldContain("Vous recevez ce digest parce que vous suivez ces thèmes");
            part.ShouldContain("chaque lundi à 08:00");
            part.ShouldContain("3 mars 2025");
            part.ShouldNotContain("Hello");
        }

        digest.Html.ShouldContain($"<html lang=\"{language}\"");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public void English_and_unknown_languages_get_english_labels(string language)
    {
        var digest = DigestSamples.Compose(DigestSamples.Content(language));

        foreach (var part in new[] { WebUtility.HtmlDecode(digest.Html), digest.Text })
        {
            part.ShouldContain("Hello Marie Curie,");
            part.ShouldContain("Here is what is new on your themes.");
            part.ShouldContain("Source: Libération");
            part.ShouldContain("Key phrases:");
            part.ShouldContain("6 new items");
            part.ShouldContain("You receive this digest because you follow these themes");
            part.ShouldContain("every Monday at 08:00");
            part.ShouldNotContain("Bonjour");
        }

        digest.Html.ShouldContain("<html lang=\"en\"");
    }

    [Fact]
    public void Quoted_sentences_keep_their_source_language()
    {
        var html = DigestSamples.Compose(DigestSamples.Content("en")).Html;

        html.ShouldContain("lang=\"fr\"");
        html.ShouldContain("Les médecins restent prudents.");
    }
}
