using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Web;

/// <summary>The preferences page on real Kestrel and Azurite: shown pre-filled, changed by form or JSON.</summary>
public sealed class Preferences_pages(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private SubscriberPagesHost _pages = null!;

    public async ValueTask InitializeAsync() => _pages = await SubscriberPagesHost.StartAsync(azurite, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _pages.DisposeAsync();

    [Fact]
    public async Task Get_shows_the_current_themes_checked_and_the_schedule_in_the_subscribers_language_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await StoreAsync("shown@example.org", "Ada", ["health", "cybersecurity"], "fr", "30 18 * * 3", "Asia/Tokyo", ct);
        var before = await _pages.RowAsync(subscriber.Id, ct);

        // One token: two issued a second apart differ (their expiry is in seconds).
        var url = Url(subscriber);
        var response = await _pages.Http.GetAsync(url, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'none'");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var html = await response.Content.ReadAsStringAsync(ct);
        html.ShouldContain("<html lang=\"fr\">");
        html.ShouldContain("value=\"health\" checked>");
        html.ShouldContain("value=\"cybersecurity\" checked>");
        html.ShouldContain("value=\"energy-compute\">");
        html.ShouldContain("<option value=\"fr\" selected>");
        html.ShouldContain("<option value=\"weekly\" selected>");
        html.ShouldContain("<option value=\"wednesday\" selected>");
        html.ShouldContain("name=\"time\" value=\"18:30\"");
        html.ShouldContain("name=\"timeZone\" value=\"Asia/Tokyo\"");
        html.ShouldContain($"<form method=\"post\" action=\"{url}\">");
        html.ShouldNotContain("<script", Case.Insensitive);
        (await _pages.RowAsync(subscriber.Id, ct)).ETag.ShouldBe(before.ETag);
    }

    [Fact]
    public async Task A_form_post_changes_themes_schedule_zone_and_language_and_a_second_one_writes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await _pages.SubscribeAsync("changes@example.org", ["health", "energy-compute"], "en", ct);
        var form = Form(["cybersecurity", "health"], "fr", "weekly", day: "wednesday", time: "18:30", timeZone: "Asia/Tokyo");

        var response = await _pages.Http.PostAsync(Url(subscriber), form, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(ct);
        html.ShouldContain("Vos préférences sont enregistrées.");
        html.ShouldContain("<option value=\"wednesday\" selected>");
        var row = await _pages.RowAsync(subscriber.Id, ct);
        row.GetString("Themes").ShouldBe("[\"cybersecurity\",\"health\"]");
        row.GetString("Schedule").ShouldBe("30 18 * * 3");
        row.GetString("TimeZone").ShouldBe("Asia/Tokyo");
        row.GetString("Language").ShouldBe("fr");
        row.GetString("State").ShouldBe(nameof(SubscriberState.Active));
        row.GetString("Email").ShouldBe("changes@example.org");

        var again = await _pages.Http.PostAsync(Url(subscriber),
            Form(["cybersecurity", "health"], "fr", "weekly", day: "wednesday", time: "18:30", timeZone: "Asia/Tokyo"), ct);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _pages.RowAsync(subscriber.Id, ct)).ETag.ShouldBe(row.ETag);
    }

    [Fact]
    public async Task The_form_offers_the_reading_languages_in_the_page_language_with_those_read_ticked()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await StoreAsync("reads.two@example.org", "Ada", ["health"], "fr", "0 7 * * *", "Europe/Paris", ct, alsoReads: ["en"]);

        var html = await _pages.Http.GetStringAsync(Url(subscriber), ct);

        html.ShouldContain("name=\"readingLanguages\" value=\"fr\" checked> Français");
        html.ShouldContain("name=\"readingLanguages\" value=\"en\" checked> Anglais");
        html.ShouldContain("name=\"readingLanguages\" value=\"de\"> Allemand");
        html.ShouldContain("name=\"readingLanguages\" value=\"nl\"> Néerlandais");
        html.ShouldNotContain("<script", Case.Insensitive);
    }

    [Fact]
    public async Task Saving_reading_languages_persists_them_and_an_unknown_code_is_refused_without_writing()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await _pages.SubscribeAsync("reads.saved@example.org", ["health"], "en", ct);

        var saved = await _pages.Http.PostAsync(Url(subscriber),
            Form(["health"], "en", "daily", time: "07:00", timeZone: "Europe/Paris", readingLanguages: ["en", "es", "fr"]), ct);

        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.Content.ReadAsStringAsync(ct)).ShouldContain("name=\"readingLanguages\" value=\"es\" checked> Spanish");
        var row = await _pages.RowAsync(subscriber.Id, ct);
        row.GetString("AlsoReads").ShouldBe("[\"fr\",\"es\"]");
        (await _pages.Get<ISubscriberStore>().GetAsync(subscriber.Id, ct))!.AlsoReads.ShouldBe(["fr", "es"]);

        var refused = await _pages.Http.PostAsJsonAsync(Url(subscriber), new
        {
            themes = new[] { "health" }, language = "en", readingLanguages = new[] { "de", "klingon" }, frequency = "daily", time = "07:00",
            timeZone = "Europe/Paris",
        }, ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var answer = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(ct));
        var problem = answer.RootElement.GetProperty("problems").EnumerateArray().ShouldHaveSingleItem();
        problem.GetProperty("field").GetString().ShouldBe("readingLanguages");
        problem.GetProperty("message").GetString()!.ShouldContain("fr, en, de, es, it, pt, nl");
        (await _pages.RowAsync(subscriber.Id, ct)).ETag.ShouldBe(row.ETag);

        // None ticked but the digest's: that language only again.
        var none = await _pages.Http.PostAsync(Url(subscriber),
            Form(["health"], "en", "daily", time: "07:00", timeZone: "Europe/Paris", readingLanguages: ["en"]), ct);

        none.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _pages.RowAsync(subscriber.Id, ct)).GetString("AlsoReads").ShouldBe("[]");
    }

    [Fact]
    public async Task An_invalid_zone_is_a_400_naming_the_problem_and_nothing_is_written()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await _pages.SubscribeAsync("bad.zone@example.org", ["health"], "fr", ct);
        var before = await _pages.RowAsync(subscriber.Id, ct);

        var json = await _pages.Http.PostAsJsonAsync(Url(subscriber), new
        {
            themes = new[] { "cybersecurity" }, language = "en", frequency = "daily", time = "08:00", timeZone = "Mars/Olympus",
        }, ct);

        json.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var answer = JsonDocument.Parse(await json.Content.ReadAsStringAsync(ct));
        answer.RootElement.GetProperty("status").GetString().ShouldBe("invalid");
        var problem = answer.RootElement.GetProperty("problems").EnumerateArray().ShouldHaveSingleItem();
        problem.GetProperty("field").GetString().ShouldBe("timeZone");
        problem.GetProperty("message").GetString()!.ShouldStartWith("Fuseau horaire inconnu");

        var page = await _pages.Http.PostAsync(Url(subscriber), Form(["cybersecurity"], "en", "daily", time: "08:00", timeZone: "Mars/Olympus"), ct);

        page.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await page.Content.ReadAsStringAsync(ct);
        html.ShouldContain("<li data-field=\"timeZone\">Fuseau horaire inconnu");
        html.ShouldContain("name=\"timeZone\" value=\"Mars/Olympus\"");
        (await _pages.RowAsync(subscriber.Id, ct)).ETag.ShouldBe(before.ETag);
    }

    [Fact]
    public async Task Removing_every_theme_unsubscribes_and_choosing_themes_again_reactivates()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await _pages.SubscribeAsync("no.themes@example.org", ["health", "energy-compute"], "en", ct);

        var none = await _pages.Http.PostAsync(Url(subscriber), Form([], "en", "daily", time: "07:00", timeZone: "Europe/Paris"), ct);

        none.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await none.Content.ReadAsStringAsync(ct)).ShouldContain("You are unsubscribed.");
        var stored = await _pages.Get<ISubscriberStore>().GetAsync(subscriber.Id, ct);
        stored!.Themes.ShouldBeEmpty();
        stored.State.ShouldBe(SubscriberState.Unsubscribed);

        var some = await _pages.Http.PostAsync(Url(subscriber), Form(["health"], "en", "daily", time: "07:00", timeZone: "Europe/Paris"), ct);

        some.StatusCode.ShouldBe(HttpStatusCode.OK);
        stored = await _pages.Get<ISubscriberStore>().GetAsync(subscriber.Id, ct);
        stored!.Themes.ShouldBe(["health"]);
        stored.State.ShouldBe(SubscriberState.Active);
    }

    [Fact]
    public async Task The_unsubscribe_everything_button_unsubscribes_whatever_the_other_fields_say()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await _pages.SubscribeAsync("button@example.org", ["health"], "en", ct);
        var form = new FormUrlEncodedContent([new("themes", "health"), new("timeZone", "Nowhere/At_All"), new("action", "unsubscribeAll")]);

        var response = await _pages.Http.PostAsync(Url(subscriber), form, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = await _pages.Get<ISubscriberStore>().GetAsync(subscriber.Id, ct);
        stored!.State.ShouldBe(SubscriberState.Unsubscribed);
        stored.TimeZone.ShouldBe("Europe/Paris");
    }

    [Fact]
    public async Task Bad_tokens_get_a_4xx_and_change_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await _pages.SubscribeAsync("prefs.attacked@example.org", ["health"], "en", ct);
        var before = await _pages.RowAsync(subscriber.Id, ct);
        var cases = BadTokens.For(_pages.Tokens, TokenPurpose.Preferences, TokenPurpose.Unsubscribe, subscriber.Id, DateTimeOffset.UtcNow.AddYears(-5));
        foreach (var (token, expected) in cases)
        {
            var post = await _pages.Http.PostAsync("/preferences?token=" + token, Form([], "fr", "cron", cron: "0 1 * * *", timeZone: "UTC"), ct);
            post.StatusCode.ShouldBe(expected, $"POST with {token}");
            (await post.Content.ReadAsStringAsync(ct)).ShouldContain("<h1>");
            var json = await _pages.Http.PostAsJsonAsync("/preferences?token=" + token, new { unsubscribeAll = true }, ct);
            json.StatusCode.ShouldBe(expected, $"JSON POST with {token}");
            (await _pages.Http.GetAsync("/preferences?token=" + token, ct)).StatusCode.ShouldBe(expected, $"GET with {token}");
        }

        (await _pages.RowAsync(subscriber.Id, ct)).ETag.ShouldBe(before.ETag);
    }

    [Fact]
    public async Task A_display_name_with_markup_is_encoded()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await StoreAsync("markup@example.org", "<script>alert(1)</script>", ["health"], "en", "0 7 * * *", "Europe/Paris", ct);

        var html = await _pages.Http.GetStringAsync(Url(subscriber), ct);

        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldContain("Hello &lt;script&gt;alert(1)&lt;/script&gt;");
    }

    private string Url(Subscriber subscriber) => "/preferences?token=" + _pages.Tokens.Issue(TokenPurpose.Preferences, subscriber.Id);

    private async Task<Subscriber> StoreAsync(
        string email, string name, IReadOnlyList<string> themes, string language, string cron, string zone, CancellationToken ct,
        IReadOnlyList<string>? alsoReads = null)
    {
        var subscriber = new Subscriber(Subscriber.IdFor(email), email, name, themes, language, cron, zone, SubscriberState.Active, DateTimeOffset.UtcNow)
        {
            AlsoReads = alsoReads ?? [],
        };
        await _pages.Get<ISubscriberStore>().UpsertAsync(subscriber, ct);
        return subscriber;
    }

    private static FormUrlEncodedContent Form(
        IReadOnlyList<string> themes, string language, string frequency, string? day = null, string? time = null, string? cron = null, string? timeZone = null,
        IReadOnlyList<string>? readingLanguages = null)
    {
        var fields = themes.Select(t => new KeyValuePair<string, string>("themes", t)).ToList();
        fields.Add(new("language", language));
        fields.AddRange((readingLanguages ?? []).Select(code => new KeyValuePair<string, string>("readingLanguages", code)));
        fields.Add(new("frequency", frequency));
        fields.Add(new("day", day ?? "monday"));
        fields.Add(new("time", time ?? ""));
        fields.Add(new("cron", cron ?? ""));
        fields.Add(new("timeZone", timeZone ?? ""));
        return new FormUrlEncodedContent(fields);
    }
}
