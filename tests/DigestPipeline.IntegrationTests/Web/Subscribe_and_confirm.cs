using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Language;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Mail;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Web;

/// <summary>Sign-up and double opt-in on real Kestrel, Azurite and maildev.</summary>
[Collection(MaildevCollection.Name)]
public sealed partial class Subscribe_and_confirm(AzuriteFixture azurite, MaildevFixture maildev) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private SubscriberPagesHost _pages = null!;

    public async ValueTask InitializeAsync()
    {
        _pages = await SubscriberPagesHost.StartAsync(azurite, TestContext.Current.CancellationToken, extraSettings: new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = maildev.Host,
            ["Mail:Smtp:Port"] = maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
        });

        // The limits are counted in the account all hosts share; every test here signs up from 127.0.0.1, so each
        // starts from no count.
        var limits = new TableClient(azurite.ConnectionString, StorageNames.ConfirmationLimitsTable);
        await foreach (var row in limits.QueryAsync<TableEntity>(cancellationToken: TestContext.Current.CancellationToken))
            await limits.DeleteEntityAsync(row, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _pages.DisposeAsync();

    [Fact]
    public async Task A_form_sign_up_is_pending_until_the_emailed_link_is_followed()
    {
        var ct = TestContext.Current.CancellationToken;
        var address = NewAddress();

        var response = await _pages.Http.PostAsync("/subscribe", Form(address, "Marie <b>Curie</b>", "fr"), ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'none'");
        (await response.Content.ReadAsStringAsync(ct)).ShouldContain("Vérifiez votre boîte de réception");
        var id = Subscriber.IdFor(address);
        var pending = (await _pages.Get<ISubscriberStore>().GetAsync(id, ct)).ShouldNotBeNull();
        pending.State.ShouldBe(SubscriberState.Pending);
        pending.Themes.ShouldBe(["health", "energy-compute"]);
        pending.Schedule.ShouldBe("30 7 * * 1");

        var mail = await SingleMailToAsync(address, ct);
        mail.Subject.ShouldBe("Confirmez votre abonnement au digest");
        mail.Html.ShouldNotBeNull().ShouldContain("Bonjour Marie &lt;b&gt;Curie&lt;/b&gt;,");
        var confirm = LinkIn(mail.Text.ShouldNotBeNull(), "/confirm");

        var page = await _pages.Http.GetAsync(confirm, ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync(ct)).ShouldContain("Abonnement confirmé");
        (await _pages.RowAsync(id, ct))["State"].ShouldBe("Active");

        (await _pages.Http.GetAsync(confirm, ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _pages.RowAsync(id, ct))["State"].ShouldBe("Active");
        (await _pages.Http.GetAsync(Altered(confirm), ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _pages.Http.GetAsync(confirm + "x", ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _pages.Http.GetAsync("/confirm?token=" + _pages.Tokens.Issue(TokenPurpose.Preferences, id), ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_pending_subscriber_is_not_planned_until_confirmed()
    {
        var ct = TestContext.Current.CancellationToken;
        var address = NewAddress();
        (await _pages.Http.PostAsJsonAsync("/subscribe", Json(address), ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = Subscriber.IdFor(address);
        var planner = _pages.Get<PlanDigestsHandler>();

        (await planner.PlanNowAsync(DateTimeOffset.UtcNow, new HashSet<string> { id }, ct)).ShouldBe(0);

        var confirm = LinkIn((await SingleMailToAsync(address, ct)).Text.ShouldNotBeNull(), "/confirm");
        (await _pages.Http.GetAsync(confirm, ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await planner.PlanNowAsync(DateTimeOffset.UtcNow, new HashSet<string> { id }, ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Bad_json_fields_are_listed_per_field_and_nothing_is_stored_or_sent()
    {
        var ct = TestContext.Current.CancellationToken;
        var address = NewAddress();

        var response = await _pages.Http.PostAsJsonAsync("/subscribe", new
        {
            email = address,
            themes = new[] { "health", "no-such-theme" },
            language = "fr",
            frequency = "weekly",
            time = "25:00",
            timeZone = "Mars/Olympus_Mons",
        }, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        answer.RootElement.GetProperty("status").GetString().ShouldBe("invalid");
        var problems = answer.RootElement.GetProperty("problems").EnumerateArray()
            .ToDictionary(p => p.GetProperty("field").GetString()!, p => p.GetProperty("message").GetString()!);
        problems.Keys.ShouldBe(["themes", "time", "day", "timeZone"], ignoreOrder: true);
        problems["timeZone"].ShouldStartWith("Fuseau horaire inconnu");

        var bad = await _pages.Http.PostAsJsonAsync("/subscribe", new { email = "someone@example.org\r\nBcc: x@example.org", language = "en" }, ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync(ct)).ShouldContain("\"field\":\"email\"");

        (await _pages.Get<ISubscriberStore>().GetAsync(Subscriber.IdFor(address), ct)).ShouldBeNull();
        await Task.Delay(500, ct);
        (await MailsToAsync(address, ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Subscribing_an_active_address_answers_as_for_a_new_one_and_mails_a_preferences_link()
    {
        var ct = TestContext.Current.CancellationToken;
        var active = NewAddress();
        await _pages.SubscribeAsync(active, ["national-security"], "en", ct);
        var fresh = NewAddress();

        var forActive = await _pages.Http.PostAsJsonAsync("/subscribe", Json(active), ct);
        var forFresh = await _pages.Http.PostAsJsonAsync("/subscribe", Json(fresh), ct);
        var formForActive = await _pages.Http.PostAsync("/subscribe", Form(active, "A", "en"), ct);
        var formForFresh = await _pages.Http.PostAsync("/subscribe", Form(NewAddress(), "A", "en"), ct);

        forActive.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        forFresh.StatusCode.ShouldBe(forActive.StatusCode);
        (await forActive.Content.ReadAsStringAsync(ct)).ShouldBe(await forFresh.Content.ReadAsStringAsync(ct));
        formForActive.StatusCode.ShouldBe(formForFresh.StatusCode);
        (await formForActive.Content.ReadAsStringAsync(ct)).ShouldBe(await formForFresh.Content.ReadAsStringAsync(ct));

        var mails = await maildev.WaitForEmailsAsync(m => IsTo(m, active), 2, cancellationToken: ct);
        mails.Count.ShouldBe(2);
        foreach (var mail in mails)
        {
            mail.Subject.ShouldBe("You are already subscribed to the digest");
            mail.Text.ShouldNotBeNull().ShouldContain("/preferences?token=");
            mail.Text.ShouldNotContain("/confirm");
        }

        var stored = (await _pages.Get<ISubscriberStore>().GetAsync(Subscriber.IdFor(active), ct)).ShouldNotBeNull();
        stored.State.ShouldBe(SubscriberState.Active);
        stored.Themes.ShouldBe(["national-security"]);
        (await SingleMailToAsync(fresh, ct)).Subject.ShouldBe("Confirm your digest subscription");
    }

    [Fact]
    public async Task The_fourth_request_for_one_address_within_the_hour_sends_nothing_and_answers_the_same()
    {
        var ct = TestContext.Current.CancellationToken;
        var address = NewAddress();
        var answers = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < 4; i++)
        {
            var response = await _pages.Http.PostAsJsonAsync("/subscribe", Json(address), ct);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(ct)));
        }

        answers.Distinct().ShouldHaveSingleItem().Item1.ShouldBe(HttpStatusCode.Accepted);
        (await maildev.WaitForEmailsAsync(m => IsTo(m, address), 3, cancellationToken: ct)).Count.ShouldBe(3);
        await Task.Delay(1000, ct);
        (await MailsToAsync(address, ct)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_client_asking_for_more_than_ten_confirmations_an_hour_gets_429()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 10; i++)
            (await _pages.Http.PostAsJsonAsync("/subscribe", Json(NewAddress()), ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var eleventh = NewAddress();

        var refused = await _pages.Http.PostAsJsonAsync("/subscribe", Json(eleventh), ct);
        var refusedForm = await _pages.Http.PostAsync("/subscribe", Form(NewAddress(), "X", "en"), ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync(ct)).ShouldContain("\"status\":\"tooManyRequests\"");
        refusedForm.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await _pages.Get<ISubscriberStore>().GetAsync(Subscriber.IdFor(eleventh), ct)).ShouldBeNull();
    }

    [Fact]
    public async Task A_name_with_a_line_break_never_becomes_a_header()
    {
        var ct = TestContext.Current.CancellationToken;
        var address = NewAddress();
        var victim = NewAddress();

        var response = await _pages.Http.PostAsJsonAsync("/subscribe", Json(address, name: $"Eve\r\nBcc: {victim}\r\nX-Injected: yes"), ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var mail = await SingleMailToAsync(address, ct);
        mail.To.ShouldNotBeNull().ShouldHaveSingleItem().Name.ShouldBe($"Eve Bcc: {victim} X-Injected: yes");
        mail.Header("bcc").ShouldBeNull();
        mail.Header("x-injected").ShouldBeNull();
        await Task.Delay(300, ct);
        (await MailsToAsync(victim, ct)).ShouldBeEmpty();
        (await _pages.Get<ISubscriberStore>().GetAsync(Subscriber.IdFor(address), ct)).ShouldNotBeNull().DisplayName
            .ShouldBe($"Eve Bcc: {victim} X-Injected: yes");
    }

    [Fact]
    public async Task The_subscribe_page_is_a_form_in_the_asked_language_whose_only_script_is_the_time_zones()
    {
        var ct = TestContext.Current.CancellationToken;

        var french = await _pages.Http.GetAsync("/subscribe?lang=fr", ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/subscribe");
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.8");
        var english = await _pages.Http.SendAsync(request, ct);

        french.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await french.Content.ReadAsStringAsync(ct);
        html.ShouldContain("<html lang=\"fr\">");
        html.ShouldContain("name=\"themes\" value=\"health\"> Santé");
        html.ShouldContain("name=\"timeZone\" value=\"Europe/Paris\"");
        // The blank form's one script sets the browser's time zone (checked in chromium by Browser/); the policy
        // allows that fixed text by its hash and no other script.
        Regex.Count(html, "<script", RegexOptions.IgnoreCase).ShouldBe(1);
        var script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        script.ShouldContain("Intl.DateTimeFormat().resolvedOptions().timeZone");
        var policy = french.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("default-src 'none'");
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script)));
        Regex.Match(policy, "script-src ([^;]*)").Groups[1].Value.ShouldBe($"'sha256-{hash}'");
        (await english.Content.ReadAsStringAsync(ct)).ShouldContain("Subscribe to the digest");
    }

    [Fact]
    public async Task The_sign_up_form_offers_every_language_the_detector_knows_and_a_sign_up_keeps_those_ticked()
    {
        var ct = TestContext.Current.CancellationToken;
        var address = NewAddress();

        var english = await _pages.Http.GetStringAsync("/subscribe?lang=en", ct);
        var french = await _pages.Http.GetStringAsync("/subscribe?lang=fr", ct);
        var response = await _pages.Http.PostAsync("/subscribe", Form(address, "Reader", "en", "fr", "de", "en"), ct);

        // Named in the page's language; the digest language ticked, as it is always read.
        english.ShouldContain("name=\"readingLanguages\" value=\"en\" checked> English");
        english.ShouldContain("name=\"readingLanguages\" value=\"fr\"> French");
        english.ShouldContain("name=\"readingLanguages\" value=\"nl\"> Dutch");
        french.ShouldContain("name=\"readingLanguages\" value=\"fr\" checked> Français");
        french.ShouldContain("name=\"readingLanguages\" value=\"de\"> Allemand");
        Regex.Count(french, "name=\"readingLanguages\"").ShouldBe(LanguageDetector.Languages.Count);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pending = (await _pages.Get<ISubscriberStore>().GetAsync(Subscriber.IdFor(address), ct)).ShouldNotBeNull();
        pending.AlsoReads.ShouldBe(["fr", "de"]);
        (await _pages.RowAsync(pending.Id, ct)).GetString("AlsoReads").ShouldBe("[\"fr\",\"de\"]");
    }

    [Fact]
    public async Task An_unknown_reading_language_is_refused_with_the_offered_codes_and_nothing_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        var address = NewAddress();

        var json = await _pages.Http.PostAsJsonAsync("/subscribe", new
        {
            email = address, themes = new[] { "health" }, language = "en", readingLanguages = new[] { "fr", "tlh" }, frequency = "daily",
            time = "07:00", timeZone = "Europe/Paris",
        }, ct);
        var page = await _pages.Http.PostAsync("/subscribe", Form(address, "Reader", "fr", "<b>xx</b>"), ct);

        json.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var answer = JsonDocument.Parse(await json.Content.ReadAsStringAsync(ct));
        var problem = answer.RootElement.GetProperty("problems").EnumerateArray().ShouldHaveSingleItem();
        problem.GetProperty("field").GetString().ShouldBe("readingLanguages");
        problem.GetProperty("message").GetString().ShouldBe("Choose your reading languages among those offered: fr, en, de, es, it, pt, nl.");
        page.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await page.Content.ReadAsStringAsync(ct);
        html.ShouldContain("<li data-field=\"readingLanguages\">Choisissez vos langues de lecture parmi celles proposées");
        html.ShouldNotContain("<b>xx</b>");
        (await _pages.Get<ISubscriberStore>().GetAsync(Subscriber.IdFor(address), ct)).ShouldBeNull();
    }

    /// <summary>One character of the signature changed: still a well-formed token, no longer an authentic one.</summary>
    private static string Altered(string pathAndQuery)
    {
        var at = pathAndQuery.Length - 3;
        return pathAndQuery[..at] + (pathAndQuery[at] == 'A' ? 'B' : 'A') + pathAndQuery[(at + 1)..];
    }

    private static string NewAddress() => $"sub-{Guid.NewGuid():N}@example.org";

    private static object Json(string address, string name = "Test") => new
    {
        email = address,
        name,
        themes = new[] { "health" },
        language = "en",
        frequency = "daily",
        time = "07:00",
        timeZone = "Europe/Paris",
    };

    private static FormUrlEncodedContent Form(string address, string name, string language, params string[] readingLanguages) => new(
    [
        new("email", address),
        new("name", name),
        new("themes", "health"),
        new("themes", "energy-compute"),
        new("language", language),
        .. readingLanguages.Select(code => new KeyValuePair<string, string>("readingLanguages", code)),
        new("frequency", "weekly"),
        new("day", "monday"),
        new("time", "07:30"),
        new("cron", ""),
        new("timeZone", "Europe/Paris"),
    ]);

    private static bool IsTo(MaildevEmail mail, string address) =>
        mail.To?.Any(t => string.Equals(t.Address, address, StringComparison.OrdinalIgnoreCase)) == true;

    private async Task<List<MaildevEmail>> MailsToAsync(string address, CancellationToken ct) =>
        (await maildev.GetEmailsAsync(ct)).Where(m => IsTo(m, address)).ToList();

    private async Task<MaildevEmail> SingleMailToAsync(string address, CancellationToken ct) =>
        (await maildev.WaitForEmailsAsync(m => IsTo(m, address), 1, cancellationToken: ct)).ShouldHaveSingleItem();

    /// <summary>The path and query of the link to <paramref name="path"/> in a mail (its host is the configured public one, not the test's port).</summary>
    private static string LinkIn(string text, string path)
    {
        var match = LinkPattern().Match(text);
        match.Success.ShouldBeTrue(text);
        var url = new Uri(match.Value);
        url.AbsolutePath.ShouldBe(path);
        return url.PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+/(confirm|preferences)\?token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
