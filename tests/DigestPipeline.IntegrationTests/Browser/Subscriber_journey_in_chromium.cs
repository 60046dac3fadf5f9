using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Summaries;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Mail;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Browser;

/// <summary>
/// A subscriber's whole journey in Debian's chromium, against the local host as <c>digest up</c> runs it (pipeline,
/// subscriber pages on Kestrel, real Azurite, real maildev): sign up, confirm, change preferences, get a digest,
/// leave with the one-click POST of its List-Unsubscribe header, get nothing more.
/// </summary>
[Collection(MaildevCollection.Name)]
public sealed class Subscriber_journey_in_chromium(AzuriteFixture azurite, MaildevFixture maildev, ChromiumFixture chromium)
    : IClassFixture<AzuriteFixture>, IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    /// <summary>Not the pages' default (Europe/Paris): the form can only show it by reading the browser's zone.</summary>
    private const string BrowserTimeZone = "Asia/Tokyo";

    private RunningPipeline _pipeline = null!;
    private string _baseUrl = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // The links in the emails must reach this server, so the public base URL is its own address.
        _baseUrl = $"http://127.0.0.1:{FreeLoopbackPort()}";
        _pipeline = await RunningPipeline.StartAsync(azurite, maildev, Cancellation, new Dictionary<string, string?>
        {
            ["Web:Urls"] = _baseUrl,
            ["Subscriptions:PublicBaseUrl"] = _baseUrl,
        }, serveSubscriberPages: true);
    }

    public async ValueTask DisposeAsync() => await _pipeline.DisposeAsync();

    [Fact]
    public async Task Sign_up_confirm_change_preferences_receive_a_digest_and_leave_with_one_click()
    {
        var address = $"journey-{Guid.NewGuid():N}@example.org";
        var subscriberId = Subscriber.IdFor(address);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            TimezoneId = BrowserTimeZone,
            Locale = "fr-FR",
        });
        var page = await context.NewPageAsync();

        // Sign up.
        (await page.GotoAsync($"{_baseUrl}/subscribe?lang=fr")).ShouldNotBeNull().Status.ShouldBe(200);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("S’abonner au digest");
        (await page.Locator("input[name=timeZone]").InputValueAsync()).ShouldBe(BrowserTimeZone);
        await page.Locator("input[name=email]").FillAsync(address);
        await page.Locator("input[name=name]").FillAsync("Camille <b>Martin</b>");
        await page.Locator("input[name=themes][value=health]").CheckAsync();
        await page.Locator("select[name=language]").SelectOptionAsync("fr");
        await page.Locator("select[name=frequency]").SelectOptionAsync("daily");
        await page.Locator("input[name=time]").FillAsync("07:30");
        await page.Locator("button[type=submit]").ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Vérifiez votre boîte de réception");

        // Double opt-in: the link in the email.
        var confirmation = await SingleEmailAsync(address, "Confirmez votre abonnement au digest");
        confirmation.Html.ShouldNotBeNull().ShouldContain("Camille &lt;b&gt;Martin&lt;/b&gt;");
        await page.GotoAsync(Link(confirmation, "/confirm"));
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Abonnement confirmé");

        // The preferences page, reached as a subscriber does before any digest: signing up again mails its link.
        await page.GotoAsync($"{_baseUrl}/subscribe?lang=fr");
        await page.Locator("input[name=email]").FillAsync(address);
        await page.Locator("input[name=themes][value=health]").CheckAsync();
        await page.Locator("button[type=submit]").ClickAsync();
        var already = await SingleEmailAsync(address, "Vous êtes déjà abonné(e) au digest");
        await page.GotoAsync(Link(already, "/preferences"));
        (await page.Locator("input[name=themes][value=health]").IsCheckedAsync()).ShouldBeTrue();
        (await page.Locator("input[name=time]").InputValueAsync()).ShouldBe("07:30");
        (await page.Locator("input[name=timeZone]").InputValueAsync()).ShouldBe(BrowserTimeZone);
        await page.Locator("input[name=themes][value=energy-compute]").CheckAsync();
        await page.Locator("input[name=time]").FillAsync("18:45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldBe("Vos préférences sont enregistrées.");
        (await page.Locator("input[name=themes][value=energy-compute]").IsCheckedAsync()).ShouldBeTrue();
        (await page.Locator("input[name=time]").InputValueAsync()).ShouldBe("18:45");

        // A document arrives; the digest goes out (planned now, whatever the schedule, as `digest send --now`).
        await _pipeline.UploadAndWaitForSummaryAsync("sommet-ia.txt", SeedDocument("fr-tech-basel-ai-summit-miami.txt"), Cancellation);
        var planner = _pipeline.Get<PlanDigestsHandler>();
        (await planner.PlanNowAsync(DateTimeOffset.UtcNow, new HashSet<string> { subscriberId }, Cancellation)).ShouldBe(1);
        var digest = await SingleEmailAsync(address, "Votre digest", TimeSpan.FromSeconds(30));
        digest.Subject.ShouldNotBeNull().ShouldContain("Santé");
        digest.Subject.ShouldContain("Énergie et puissance de calcul");
        digest.Text.ShouldNotBeNull().ShouldContain($"Envoi tous les jours à 18:45 (fuseau {BrowserTimeZone}).");

        // What the subscriber reads, in the browser ("view in browser"), and the screenshots of it.
        await page.GotoAsync(Link(digest, "/digests/"));
        (await page.Locator("h1").InnerTextAsync()).ShouldStartWith("Votre digest du ");
        (await page.Locator("h2").AllInnerTextsAsync()).ShouldContain(h => h.StartsWith("Santé", StringComparison.Ordinal));
        (await page.Locator("blockquote").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("script").CountAsync()).ShouldBe(0);
        var archived = page.Url;
        await DigestScreenshots.TakeAsync(chromium.Browser, async p => (await p.GotoAsync(archived)).ShouldNotBeNull().Status.ShouldBe(200), "journey");

        // One click, as a mailbox provider sends it: a POST without cookies to the List-Unsubscribe URL.
        digest.Header("list-unsubscribe-post").ShouldBe("List-Unsubscribe=One-Click");
        var oneClick = digest.Header("list-unsubscribe").ShouldNotBeNull().Trim().Trim('<', '>');
        oneClick.ShouldStartWith($"{_baseUrl}/unsubscribe?token=");
        using (var provider = new HttpClient(new SocketsHttpHandler { UseCookies = false }))
        {
            using var body = new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded");
            (await provider.PostAsync(oneClick, body, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await page.GotoAsync(Link(digest, "/preferences"));
        (await page.Locator("body").InnerTextAsync()).ShouldContain("Vous êtes désabonné(e).");

        // New content on the same themes, planned and sent again: nothing for this subscriber.
        await _pipeline.UploadAndWaitForSummaryAsync("hospitals.txt", SeedDocument("en-hospitals-and-grid-operators-brace-for-ai.txt"), Cancellation);
        (await planner.PlanNowAsync(DateTimeOffset.UtcNow.AddMinutes(1), new HashSet<string> { subscriberId }, Cancellation)).ShouldBe(0);
        await _pipeline.WaitUntilIdleAsync(publishedAtLeast: 2, Cancellation);
        (await maildev.GetEmailsAsync(Cancellation)).Count(e => IsTo(e, address) && e.Subject?.StartsWith("Votre digest", StringComparison.Ordinal) == true)
            .ShouldBe(1);
    }

    [Fact]
    public async Task A_digest_quoting_markup_and_very_long_words_fits_a_phone_and_runs_no_script()
    {
        const string script = "<script>document.title='pwned'</script>";
        var longWord = "https://example.org/" + new string('x', 180);
        var subscriber = new Subscriber("sub-long", "long@example.org", "Dominique " + new string('W', 90), ["health"], "fr",
            "0 7 * * *", "Europe/Paris", SubscriberState.Active, DateTimeOffset.UtcNow);
        var sentences = new[] { $"Le rapport {script} est en ligne à {longWord} depuis hier.", "« Une citation complète. »" };
        var item = new DigestItem("doc-long", "Un titre " + new string('T', 120), "rapport.txt", "fr",
            sentences.Select((text, i) => new SummarySentence("doc-long", i, "Partie 1", i * 300, text.Length, text, 1)).ToList(),
            ["mot" + new string('m', 100)], 5, DateTimeOffset.UtcNow);
        var html = _pipeline.Get<DigestComposer>().Compose(
            new DigestContent(subscriber, DateTimeOffset.UtcNow, [new DigestThemeGroup("health", "Santé", [item])]), "sub-long-delivery").Html;

        await DigestScreenshots.TakeAsync(chromium.Browser, p => p.SetContentAsync(html), "long-words");

        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync(html);
        (await page.TitleAsync()).ShouldStartWith("Votre digest du ");
        (await page.Locator("blockquote").First.InnerTextAsync()).ShouldContain(script);
        (await page.Locator("blockquote").Nth(1).InnerTextAsync()).ShouldBe("« Une citation complète. »");
    }

    [Fact]
    public async Task An_item_in_another_language_the_subscriber_reads_shows_its_label_on_a_phone()
    {
        var subscriber = new Subscriber("sub-reads-en", "reads.en@example.org", "Camille", ["health"], "fr",
            "0 7 * * *", "Europe/Paris", SubscriberState.Active, DateTimeOffset.UtcNow) { AlsoReads = ["en"] };
        DigestItem Item(string id, string language, string source, string text) => new(id, $"Title of {id}", source, language,
            [new SummarySentence(id, 0, "", 0, text.Length, text, 1)], [], 5, DateTimeOffset.UtcNow);
        var html = _pipeline.Get<DigestComposer>().Compose(new DigestContent(subscriber, DateTimeOffset.UtcNow,
        [
            new DigestThemeGroup("health", "Santé",
            [
                Item("doc-fr", "fr", "rapport.txt", "Les hôpitaux testent des assistants."),
                Item("doc-en", "en", "hospitals-and-grid-operators-brace-for-ai.txt", "Hospitals are testing assistants."),
            ]),
        ]), "sub-reads-en-delivery").Html;

        await DigestScreenshots.TakeAsync(chromium.Browser, p => p.SetContentAsync(html), "language-label");

        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.SetContentAsync(html);
        var label = page.Locator(".dp-lang");
        (await label.CountAsync()).ShouldBe(1);
        (await label.InnerTextAsync()).ShouldBe("en anglais");
        (await label.IsVisibleAsync()).ShouldBeTrue();
        // On the line of the English item's source, within the phone's width.
        var box = (await label.BoundingBoxAsync()).ShouldNotBeNull();
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(375);
        (await page.Locator("p", new PageLocatorOptions { Has = label }).InnerTextAsync()).ShouldContain("hospitals-and-grid-operators-brace-for-ai.txt");
    }

    [Fact]
    public async Task The_demo_documents_digest_opens_in_brief_and_shows_each_document_once_on_a_phone()
    {
        foreach (var name in new[] { "fr-tech-basel-ai-summit-miami.txt", "en-hospitals-and-grid-operators-brace-for-ai.txt", "en-city-council-digital-committee-notes.md" })
            await _pipeline.UploadAndWaitForSummaryAsync(name, SeedDocument(name), Cancellation);
        var subscriber = new Subscriber("sub-layout", "layout@example.org", "Camille", ["health", "energy-compute", "national-security", "open-source-agents", "physical-ai", "ai-systems"],
            "fr", "0 7 * * *", "Europe/Paris", SubscriberState.Active, DateTimeOffset.UtcNow) { AlsoReads = ["en"] };
        var now = DateTimeOffset.UtcNow;
        var content = await _pipeline.Get<DigestContentCollector>().CollectAsync(subscriber, now, now.AddDays(-1), now.AddMinutes(1), Cancellation);
        content.Themes.Select(t => t.Items.Count).Sum().ShouldBeGreaterThan(3, "several items on several themes");
        var html = _pipeline.Get<DigestComposer>().Compose(content, "sub-layout-delivery").Html;

        // The screenshots of the layout the docs show (docs/screenshots/digest-layout-*).
        await DigestScreenshots.TakeAsync(chromium.Browser, p => p.SetContentAsync(html), "digest-layout");

        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.SetContentAsync(html);
        var brief = page.Locator(".dp-brief");
        (await brief.Locator("h2").InnerTextAsync()).ShouldBe("En bref");
        (await brief.Locator("li").CountAsync()).ShouldBe(3, "at most three facts, one per document");
        var box = (await brief.BoundingBoxAsync()).ShouldNotBeNull();
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(375);
        // Each document: one full title (h3), its later themes as short references. (This class's other tests may
        // have uploaded more documents: the counts come from the content.)
        var documents = content.Themes.SelectMany(t => t.Items).Select(i => i.DocumentId).Distinct().Count();
        documents.ShouldBeGreaterThanOrEqualTo(3);
        (await page.Locator("h3").CountAsync()).ShouldBe(documents);
        (await page.GetByText("(voir plus haut)").CountAsync()).ShouldBe(content.ItemCount - documents);
    }

    private async Task<MaildevEmail> SingleEmailAsync(string address, string subjectStart, TimeSpan? timeout = null)
    {
        var emails = await maildev.WaitForEmailsAsync(
            e => IsTo(e, address) && e.Subject?.StartsWith(subjectStart, StringComparison.Ordinal) == true, 1, timeout, Cancellation);
        return emails.ShouldHaveSingleItem($"one email \"{subjectStart}…\" to the subscriber");
    }

    /// <summary>The first link of the email's text part to this server whose path starts with <paramref name="path"/>.</summary>
    private string Link(MaildevEmail email, string path)
    {
        var match = Regex.Match(email.Text.ShouldNotBeNull(), Regex.Escape(_baseUrl + path) + @"[^\s<>]*");
        match.Success.ShouldBeTrue($"a {path} link in \"{email.Subject}\"");
        return match.Value;
    }

    private static bool IsTo(MaildevEmail email, string address) =>
        email.To?.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)) == true;

    private static byte[] SeedDocument(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seeds", "documents", name));

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
