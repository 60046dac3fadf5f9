using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Tests.Subscribers;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Digests;

public sealed class Digest_carries_its_links_in_both_parts
{
    private static readonly SubscriberLinks Links = TokenSamples.Links();
    private static readonly DateTimeOffset Period = DigestSamples.Period;
    private const string Subscriber = "sub-1";

    private static IEnumerable<string> ExpectedUrls(DigestContent content)
    {
        yield return Links.ViewDigest(Subscriber, DigestSamples.DeliveryId, Period);
        yield return Links.Preferences(Subscriber, Period);
        yield return Links.Unsubscribe(Subscriber, Period);
        foreach (var theme in content.Themes)
        {
            yield return Links.UnsubscribeTheme(Subscriber, theme.ThemeId, Period);
            foreach (var item in theme.Items)
                yield return Links.Document(Subscriber, item.DocumentId, item.Sentences.Select(s => new CitedRange(s.Start, s.Start + s.Length)), Period);
        }
    }

    [Fact]
    public void Every_link_is_in_the_text_part_as_it_is()
    {
        var content = DigestSamples.Content();
        var text = DigestSamples.Compose(content).Text;

        var expected = ExpectedUrls(content).ToList();
        expected.Count.ShouldBe(3 + 3 + 6);
        foreach (var url in expected)
            text.ShouldContain(url);
        text.ShouldContain("&hl=0-");
    }

    [Fact]
    public void Every_link_is_an_href_of_the_html_part_attribute_encoded()
    {
        var content = DigestSamples.Content();
        var html = DigestSamples.Compose(content).Html;

        foreach (var url in ExpectedUrls(content))
            html.ShouldContain($"href=\"{url.Replace("&", "&amp;", StringComparison.Ordinal)}\"");
        html.ShouldNotContain("&hl=");
        html.ShouldContain("&amp;hl=0-");
    }

    [Fact]
    public void The_one_click_url_is_the_footer_unsubscribe_link_for_everything()
    {
        var composed = DigestSamples.Compose(DigestSamples.Content());

        composed.UnsubscribeUrl.ShouldBe(Links.Unsubscribe(Subscriber, Period));
        composed.Html.ShouldContain($"href=\"{composed.UnsubscribeUrl}\"");
        var token = TokenSamples.Tokens().Verify(TokenSamples.TokenOf(composed.UnsubscribeUrl), TokenPurpose.Unsubscribe);
        token.Token.ShouldNotBeNull().SubscriberId.ShouldBe(Subscriber);
    }

    [Fact]
    public void Each_theme_block_unsubscribes_from_its_own_theme()
    {
        var text = DigestSamples.Compose(DigestSamples.Content()).Text;
        var lines = text.Split('\n');

        foreach (var (label, themeId) in new[] { ("Santé", "sante"), ("Énergie et calcul", "energie"), ("Sécurité nationale", "securite") })
        {
            var at = Array.IndexOf(lines, $"Ne plus recevoir le thème «\u00A0{label}\u00A0»\u00A0:");
            at.ShouldBeGreaterThan(0, label);
            var token = TokenSamples.Tokens().Verify(TokenSamples.TokenOf(lines[at + 1]), TokenPurpose.UnsubscribeTheme);
            token.Token.ShouldNotBeNull().Subject.ShouldBe(themeId);
        }
    }

    [Theory]
    [InlineData("fr", "Voir ce digest dans le navigateur", "Gérer mes préférences", "Me désabonner de tous les digests", "Passages cités dans la source\u00A0:")]
    [InlineData("en", "View this digest in your browser", "Manage your preferences", "Unsubscribe from all digests", "Cited passages in the source:")]
    public void Link_labels_follow_the_subscriber_language(string language, string view, string preferences, string unsubscribe, string source)
    {
        var composed = DigestSamples.Compose(DigestSamples.Content(language));

        foreach (var label in new[] { view, preferences, unsubscribe })
        {
            composed.Html.ShouldContain($"\">{label}</a>");
            composed.Text.ShouldContain(label);
        }

        composed.Text.ShouldContain(source);
        composed.Text.ShouldContain(DigestLabels.For(language).UnsubscribeTheme("Santé"));
    }

    [Fact]
    public void View_in_browser_comes_before_the_title_and_the_preferences_after_the_last_theme()
    {
        var text = DigestSamples.Compose(DigestSamples.Content()).Text;

        text.IndexOf("Voir ce digest", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("Votre digest du", StringComparison.Ordinal));
        text.IndexOf("Gérer mes préférences", StringComparison.Ordinal).ShouldBeGreaterThan(text.LastIndexOf("Ne plus recevoir le thème", StringComparison.Ordinal));
    }

    [Fact]
    public void Links_do_not_depend_on_the_clock_so_a_retry_composes_the_same_digest()
    {
        var now = DigestSamples.Composer(new ManualTime(Period)).Compose(DigestSamples.Content(), DigestSamples.DeliveryId);
        var later = DigestSamples.Composer(new ManualTime(Period.AddHours(5))).Compose(DigestSamples.Content(), DigestSamples.DeliveryId);

        later.ShouldBe(now);
    }

    [Fact]
    public void A_hostile_title_stays_encoded_inside_its_link()
    {
        var hostile = DigestSamples.Item("doc-x", "Titre <script>alert(1)</script>", "S", "Une phrase.");
        var content = DigestSamples.WithThemes(DigestSamples.Content(),
            new DigestThemeGroup("sante", "Santé \"<b>\"", [hostile]));

        var html = DigestSamples.Compose(content).Html;

        html.ShouldContain(">Titre &lt;script&gt;alert(1)&lt;/script&gt;</a>");
        html.ShouldContain("Ne plus recevoir le thème «&#xA0;Santé &quot;&lt;b&gt;&quot;&#xA0;»</a>");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<b>");
    }
}
