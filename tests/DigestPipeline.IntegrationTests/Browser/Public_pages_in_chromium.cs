using Azure.Data.Tables;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Web;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Browser;

/// <summary>
/// Every public page in Debian's chromium, served as <c>digest up</c> serves them (Kestrel, real Azurite): the landing
/// page, the sign-up form with problems, "check your inbox", confirmed, preferences, unsubscribe, a refused link and a
/// source page. Each at 375 and 1280 px, light and dark, without horizontal scroll ,
/// and no serious or critical violation of axe-core's rules (axe-core 4.14, embedded in Deque.AxeCore.Playwright,
/// injected by Playwright) in either scheme (<see cref="PageShots"/>). The results per page are written to <c>screenshots/pages/axe.md</c>.
/// </summary>
public sealed class Public_pages_in_chromium(AzuriteFixture azurite, ChromiumFixture chromium)
    : IClassFixture<AzuriteFixture>, IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private SubscriberPagesHost _pages = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _pages = await SubscriberPagesHost.StartAsync(azurite, Cancellation);

    public async ValueTask DisposeAsync() => await _pages.DisposeAsync();

    [Fact]
    public async Task Every_public_page_fits_a_phone_and_a_desktop_in_both_schemes_with_no_serious_accessibility_violation()
    {
        var baseUrl = _pages.Addresses[0].TrimEnd('/');
        var active = await StoreAsync("camille@example.org", "Camille Martin", "fr", SubscriberState.Active);
        var pending = await StoreAsync("jordan@example.org", "Jordan Lee", "en", SubscriberState.Pending);
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seeds", "documents", "en-hospitals-and-grid-operators-brace-for-ai.txt"), Cancellation);
        var cited = text.IndexOf("Early detection of cancer", StringComparison.Ordinal);
        await _pages.Get<IDocumentStore>().SaveAsync(new SourceDocument("doc-hospitals", "en-hospitals-and-grid-operators-brace-for-ai.txt", "en",
            "Hospitals and grid operators brace for the next wave of AI", text, [], [], [], DateTimeOffset.UtcNow, text.Length), Cancellation);
        var limits = new TableClient(azurite.ConnectionString, StorageNames.ConfirmationLimitsTable);

        var pages = new (string Name, Func<IPage, Task> Open)[]
        {
            ("landing", p => Get(p, $"{baseUrl}/?lang=en")),
            ("subscribe-problems", async p =>
            {
                // A sign-up without a theme: the form comes back with its problem above it.
                await Get(p, $"{baseUrl}/subscribe?lang=fr");
                await p.Locator("input[name=email]").FillAsync("camille@example.org");
                await p.Locator("form[action='/subscribe'] button[type=submit]").ClickAsync();
                await p.Locator(".dp-problems").WaitForAsync();
            }),
            ("check-inbox", async p =>
            {
                await Get(p, $"{baseUrl}/subscribe?lang=en");
                await p.Locator("input[name=email]").FillAsync($"reader-{Guid.NewGuid():N}@example.org");
                await p.Locator("input[name=themes][value=health]").CheckAsync();
                await p.Locator("form[action='/subscribe'] button[type=submit]").ClickAsync();
                (await p.Locator("h1").InnerTextAsync()).ShouldBe("Check your inbox");
                // Four sign-ups per page from one client: keep under the hourly limit of the client's address.
                await foreach (var row in limits.QueryAsync<TableEntity>(cancellationToken: Cancellation))
                    await limits.DeleteEntityAsync(row, cancellationToken: Cancellation);
            }),
            ("confirmed", p => Get(p, $"{baseUrl}/confirm?token={_pages.Tokens.Issue(TokenPurpose.Confirm, pending.Id)}")),
            ("preferences", p => Get(p, $"{baseUrl}/preferences?token={_pages.Tokens.Issue(TokenPurpose.Preferences, active.Id)}")),
            ("unsubscribe", p => Get(p, $"{baseUrl}/unsubscribe?token={_pages.Tokens.Issue(TokenPurpose.Unsubscribe, active.Id)}")),
            ("refused-link", p => Get(p, $"{baseUrl}/preferences?token=not-a-token", expected: 400)),
            ("source", p => Get(p, $"{baseUrl}/documents/doc-hospitals?token={_pages.Tokens.Issue(TokenPurpose.ViewDocument, active.Id, "doc-hospitals")}" +
                $"&hl={cited}-{cited + 72}")),
        };

        var shots = new PageShots(chromium.Browser, "pages");
        foreach (var (name, open) in pages)
            await shots.TakeAsync(name, open);

        TestContext.Current.SendDiagnosticMessage(await shots.WriteReportAsync(Cancellation));
        shots.Serious.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_landing_pages_one_script_fills_the_browsers_time_zone_and_the_page_switches_language()
    {
        var baseUrl = _pages.Addresses[0].TrimEnd('/');
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { TimezoneId = "America/Vancouver", Locale = "fr-CA" });
        var page = await context.NewPageAsync();

        (await page.GotoAsync($"{baseUrl}/")).ShouldNotBeNull().Status.ShouldBe(200);

        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("fr", "Accept-Language fr-CA: the French page");
        (await page.Locator("input[name=timeZone]").InputValueAsync()).ShouldBe("America/Vancouver");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Your themes, summarised, every sentence cited");
    }

    private static async Task Get(IPage page, string url, int expected = 200) =>
        (await page.GotoAsync(url)).ShouldNotBeNull().Status.ShouldBe(expected, url);

    private async Task<Subscriber> StoreAsync(string email, string name, string language, SubscriberState state)
    {
        var subscriber = new Subscriber(Subscriber.IdFor(email), email, name, ["health", "energy-compute"], language, "30 7 * * 1", "Europe/Paris", state,
            DateTimeOffset.UtcNow);
        await _pages.Get<ISubscriberStore>().UpsertAsync(subscriber, Cancellation);
        return subscriber;
    }
}
