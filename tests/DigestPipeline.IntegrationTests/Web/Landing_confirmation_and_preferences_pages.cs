using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Themes;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Web;

/// <summary>
/// The landing page (<c>/</c>), the page after confirming and the preferences page's two forms, on real Kestrel and
/// Azurite. The host's clock is a <see cref="FakeTimeProvider"/> (tokens and the first digest's time follow it), so
/// that the first digest's time is known in advance.
/// </summary>
public sealed class Landing_confirmation_and_preferences_pages(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    /// <summary>Sunday 6 December 2026, 23:30 UTC: Monday 7 December, 08:30 in Tokyo, past its 07:00.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 23, 30, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private SubscriberPagesHost _pages = null!;

    public async ValueTask InitializeAsync() =>
        _pages = await SubscriberPagesHost.StartAsync(azurite, TestContext.Current.CancellationToken,
            clock: _time);

    public async ValueTask DisposeAsync() => await _pages.DisposeAsync();

    [Theory]
    [InlineData("fr", "Vos thèmes résumés, chaque phrase citée")]
    [InlineData("en", "Your themes, summarised, every sentence cited")]
    public async Task The_landing_page_says_what_the_service_is_explains_every_theme_in_a_line_shows_a_sample_and_the_form(string language, string title)
    {
        var ct = TestContext.Current.CancellationToken;
        var taxonomy = _pages.Get<ThemeTaxonomy>();

        var response = await _pages.Http.GetAsync($"/?lang={language}", ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(ct);
        var page = new HtmlParser().ParseDocument(html);
        page.DocumentElement.GetAttribute("lang").ShouldBe(language);
        page.QuerySelector("h1")!.TextContent.ShouldBe(title);
        page.QuerySelector("main > p")!.TextContent.ShouldContain("DigestPipeline");
        foreach (var theme in taxonomy.Themes)
        {
            var box = page.QuerySelector($"form[action='/subscribe'] input[name=themes][value='{theme.Id}']").ShouldNotBeNull(theme.Id);
            box.ParentElement!.TextContent.Trim().ShouldBe(theme.Label(language));
            var line = page.GetElementById(box.GetAttribute("aria-describedby")!).ShouldNotBeNull($"{theme.Id}'s line");
            line.TextContent.ShouldBe(theme.Description(language));
            line.TextContent.ShouldNotBeNullOrWhiteSpace();
        }

        page.QuerySelectorAll(".dp-sample blockquote").Length.ShouldBeGreaterThan(0, "a sample digest");
        page.QuerySelector("form[action='/subscribe'] input[name=email]").ShouldNotBeNull();
        page.QuerySelector("form[action='/subscribe'] button[type=submit]").ShouldNotBeNull();
        // /subscribe is the same page under the sign-up's title.
        var subscribe = new HtmlParser().ParseDocument(await _pages.Http.GetStringAsync($"/subscribe?lang={language}", ct));
        subscribe.QuerySelectorAll("form[action='/subscribe'] input[name=themes]").Length.ShouldBe(taxonomy.Themes.Count);
        subscribe.QuerySelectorAll(".dp-sample").Length.ShouldBe(1);
    }

    [Fact]
    public async Task Every_page_is_styled_by_its_one_stylesheet_which_the_policy_allows_by_hash_and_nothing_else()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await StoreAsync("styled@example.org", SubscriberState.Active, ct);

        foreach (var url in new[] { "/", "/subscribe", Url(TokenPurpose.Preferences, subscriber), Url(TokenPurpose.Unsubscribe, subscriber), "/confirm?token=x" })
        {
            var response = await _pages.Http.GetAsync(url, ct);
            var html = await response.Content.ReadAsStringAsync(ct);
            var styles = Regex.Matches(html, "<style>(.*?)</style>", RegexOptions.Singleline);
            styles.Count.ShouldBe(1, url);
            html.ShouldNotContain(" style=", Case.Insensitive, url);
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(styles[0].Groups[1].Value)));
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            Regex.Match(policy, "style-src ([^;]*)").Groups[1].Value.ShouldBe($"'sha256-{hash}'", url);
            policy.ShouldNotContain("unsafe-inline", Case.Sensitive, url);
        }
    }

    [Fact]
    public async Task Confirming_says_when_the_first_digest_comes_in_the_subscribers_zone_and_links_to_the_preferences()
    {
        var ct = TestContext.Current.CancellationToken;
        // Every day at 07:00 in Tokyo: at Now it is 08:30 there, so the first is Tuesday's (22:00 UTC on Monday).
        var subscriber = await StoreAsync("first.digest@example.org", SubscriberState.Pending, ct, cron: "0 7 * * *", zone: "Asia/Tokyo");

        var response = await _pages.Http.GetAsync(Url(TokenPurpose.Confirm, subscriber), ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(ct));
        page.QuerySelector("h1")!.TextContent.ShouldBe("Abonnement confirmé");
        page.QuerySelector(".dp-status")!.TextContent.ShouldBe(
            "Votre premier digest arrivera le mardi 8 décembre 2026 à 07:00 (fuseau Asia/Tokyo), s’il y a du nouveau sur vos thèmes d’ici là.");
        var preferences = page.QuerySelector("a[href*='/preferences?token=']").ShouldNotBeNull("a link to the preferences");
        preferences.TextContent.ShouldBe("Gérer mes préférences");
        var link = new Uri(preferences.GetAttribute("href")!).PathAndQuery;
        (await _pages.Http.GetAsync(link, ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A day later, the same link answers with the next one.
        _time.Advance(TimeSpan.FromDays(1));
        var later = new HtmlParser().ParseDocument(await _pages.Http.GetStringAsync(Url(TokenPurpose.Confirm, subscriber), ct));
        later.QuerySelector(".dp-status")!.TextContent.ShouldContain("le mercredi 9 décembre 2026 à 07:00 (fuseau Asia/Tokyo)");
    }

    [Fact]
    public async Task The_preferences_page_sets_unsubscribe_from_everything_apart_from_save_in_a_form_of_its_own()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await StoreAsync("apart@example.org", SubscriberState.Active, ct);
        var url = Url(TokenPurpose.Preferences, subscriber);

        var page = new HtmlParser().ParseDocument(await _pages.Http.GetStringAsync(url, ct));

        var forms = page.QuerySelectorAll("form");
        forms.Length.ShouldBe(2);
        var save = forms[0].QuerySelectorAll("button").ShouldHaveSingleItem();
        save.TextContent.ShouldBe("Save");
        forms[0].QuerySelector("[name=action]").ShouldBeNull("Save's form posts the settings only");
        var danger = page.QuerySelector("section.dp-danger").ShouldNotBeNull("the destructive action in a section of its own");
        danger.Contains(forms[0]).ShouldBeFalse();
        danger.QuerySelector("h2")!.TextContent.ShouldBe("Stop every digest");
        forms[1].ParentElement.ShouldBe(danger);
        forms[1].QuerySelectorAll("input:not([type=hidden]), select").Length.ShouldBe(0, "it posts nothing but the action");
        forms[1].QuerySelector("button")!.TextContent.ShouldBe("Unsubscribe from everything");

        // What that form posts unsubscribes; the page then says so, and offers no second "unsubscribe".
        var fields = forms[1].QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!));
        var posted = await _pages.Http.PostAsync(forms[1].GetAttribute("action"), new FormUrlEncodedContent(fields), ct);
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _pages.RowAsync(subscriber.Id, ct)).GetString("State").ShouldBe(nameof(SubscriberState.Unsubscribed));
        var after = new HtmlParser().ParseDocument(await posted.Content.ReadAsStringAsync(ct));
        after.QuerySelector("section.dp-danger").ShouldBeNull();
        after.Body!.TextContent.ShouldContain("You are unsubscribed.");
    }

    private string Url(TokenPurpose purpose, Subscriber subscriber) =>
        purpose switch
        {
            TokenPurpose.Confirm => "/confirm",
            TokenPurpose.Preferences => "/preferences",
            _ => "/unsubscribe",
        } + "?token=" + _pages.Tokens.Issue(purpose, subscriber.Id);

    private async Task<Subscriber> StoreAsync(string email, SubscriberState state, CancellationToken ct, string cron = "0 7 * * *", string zone = "Europe/Paris")
    {
        var language = state == SubscriberState.Pending ? "fr" : "en";
        var subscriber = new Subscriber(Subscriber.IdFor(email), email, "Ada", ["health"], language, cron, zone, state, Now);
        await _pages.Get<ISubscriberStore>().UpsertAsync(subscriber, ct);
        return subscriber;
    }
}
