using System.Net;
using Azure.Data.Tables;
using AngleSharp.Html.Dom;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Themes;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.OperatorConsole;

/// <summary>
/// The console's subscribers pages on a real host (Kestrel, Azurite, mail to a pickup folder of this class), as a
/// logged-in operator sees them. The host's clock is a fake one, so that a preview and the send that follows it fall
/// in the same period and compose the same digest.
/// </summary>
public sealed class Subscribers_in_the_console(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), "dp-console-subscribers-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 30, 15, TimeSpan.Zero));
    private SubscriberPagesHost _host = null!;
    private ConsoleBrowser _browser = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await SubscriberPagesHost.StartAsync(azurite, Cancellation, extraSettings: new Dictionary<string, string?>
        {
            ["Mail:PickupDirectory"] = _pickup,
            ["Digests:IndexSettleTime"] = "00:00:00",
        }, configure: (services, _) => services.AddSingleton<TimeProvider>(_time));
        _browser = await ConsoleBrowser.LogInAsync(_host, Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        _browser.Dispose();
        await _host.DisposeAsync();
        if (Directory.Exists(_pickup))
            Directory.Delete(_pickup, recursive: true);
    }

    [Fact]
    public async Task The_counts_by_state_count_every_subscriber_added()
    {
        var before = Counts(await _browser.PageAsync("/console/subscribers", Cancellation));

        await AddAsync("count.pending.one@example.org", "Pending One", SubscriberState.Pending);
        await AddAsync("count.pending.two@example.org", "Pending Two", SubscriberState.Pending);
        await AddAsync("count.bouncing@example.org", "Bouncing", SubscriberState.Bouncing);

        var after = Counts(await _browser.PageAsync("/console/subscribers", Cancellation));
        after[nameof(SubscriberState.Pending)].ShouldBe(before[nameof(SubscriberState.Pending)] + 2);
        after[nameof(SubscriberState.Bouncing)].ShouldBe(before[nameof(SubscriberState.Bouncing)] + 1);
        after[nameof(SubscriberState.Active)].ShouldBe(before[nameof(SubscriberState.Active)]);
        after[nameof(SubscriberState.Unsubscribed)].ShouldBe(before[nameof(SubscriberState.Unsubscribed)]);
    }

    [Fact]
    public async Task A_search_finds_by_part_of_the_address_or_name_whatever_the_case_newest_first_each_linking_to_the_subscriber()
    {
        var older = await AddAsync("zebra.walker@example.org", "Walker", SubscriberState.Active, createdDaysAgo: 3);
        var newer = await AddAsync("someone@example.org", "Ann Zebra-Smith", SubscriberState.Active, createdDaysAgo: 1);
        await AddAsync("unrelated@example.org", "Nobody", SubscriberState.Active);

        var page = await _browser.PageAsync("/console/subscribers?q=ZEBRA", Cancellation);

        RowIds(page).ShouldBe([newer.Id, older.Id]);
        page.QuerySelector($"tr[data-subscriber-id='{older.Id}'] a")!.GetAttribute("href").ShouldBe($"/console/subscribers/{older.Id}");
        page.QuerySelector("input[name=q]")!.GetAttribute("value").ShouldBe("ZEBRA");
    }

    [Fact]
    public async Task The_state_filter_shows_only_subscribers_in_that_state()
    {
        var pending = await AddAsync("filter.pending@example.org", "Filter", SubscriberState.Pending);
        var active = await AddAsync("filter.active@example.org", "Filter", SubscriberState.Active);

        var page = await _browser.PageAsync("/console/subscribers?q=filter.&state=Pending", Cancellation);

        RowIds(page).ShouldBe([pending.Id]);
        RowIds(await _browser.PageAsync("/console/subscribers?q=filter.&state=Active", Cancellation)).ShouldBe([active.Id]);
        page.QuerySelector("select[name=state] option[selected]")!.GetAttribute("value").ShouldBe("Pending");
        (await _browser.Http.GetAsync("/console/subscribers?state=Sleeping", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_hostile_name_is_shown_as_text_in_the_list_and_on_the_subscriber_page()
    {
        const string hostile = "<script>alert('x')</script><b>bold</b>";
        var subscriber = await AddAsync("hostile.name@example.org", hostile, SubscriberState.Active);

        var list = await _browser.PageAsync("/console/subscribers?q=hostile.name", Cancellation);
        var one = await _browser.PageAsync($"/console/subscribers/{subscriber.Id}", Cancellation);

        list.QuerySelector($"tr[data-subscriber-id='{subscriber.Id}'] td")!.TextContent.ShouldBe(hostile);
        one.QuerySelector("dd[data-name]")!.TextContent.ShouldBe(hostile);
        foreach (var page in new[] { list, one })
        {
            page.QuerySelectorAll("script").ShouldBeEmpty();
            page.QuerySelectorAll("main b").ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task One_subscriber_shows_their_settings_and_their_latest_digests()
    {
        var subscriber = await AddAsync("settings.reader@example.org", "Settings Reader", SubscriberState.Active,
            themes: ["cybersecurity", "media-information"], language: "fr", alsoReads: ["en"], schedule: "30 8 * * 1", timeZone: "Europe/Paris");
        await SummaryOnAsync("cybersecurity", "doc-settings", Cancellation);
        var sent = await SendNowAsync(subscriber);

        var page = await _browser.PageAsync($"/console/subscribers/{subscriber.Id}", Cancellation);

        page.QuerySelector("h1")!.TextContent.ShouldBe("settings.reader@example.org");
        page.QuerySelector("dd[data-state]")!.TextContent.ShouldBe("Active");
        var taxonomy = _host.Get<ThemeTaxonomy>();
        page.QuerySelector("li[data-theme=cybersecurity]")!.TextContent.ShouldContain(taxonomy.Find("cybersecurity")!.Label("fr"));
        page.QuerySelector("li[data-theme=media-information]")!.TextContent.ShouldContain(taxonomy.Find("media-information")!.Label("fr"));
        page.QuerySelector("dd[data-schedule]")!.TextContent.ShouldBe("Weekly on Monday at 08:30 (30 8 * * 1)");
        page.QuerySelector("main")!.TextContent.ShouldContain("Europe/Paris");
        var delivery = page.QuerySelector($"tr[data-delivery-id='{sent.Id}']").ShouldNotBeNull();
        delivery.TextContent.ShouldContain(nameof(DeliveryState.Sent));
        delivery.QuerySelector(".dp-num")!.TextContent.ShouldBe("1");
        page.QuerySelector($"a[href='/console/subscribers/{subscriber.Id}/preview']").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_preview_is_the_digest_a_send_now_writes_and_previewing_claims_archives_and_sends_nothing()
    {
        var subscriber = await AddAsync("preview.reader@example.org", "Preview <Reader>", SubscriberState.Active, themes: ["health"]);
        await SummaryOnAsync("health", "doc-preview", Cancellation);
        var (rowsBefore, archivedBefore) = (await DeliveryRowsAsync(), await ArchivedAsync());

        var preview = await _browser.PageAsync($"/console/subscribers/{subscriber.Id}/preview", Cancellation);
        var htmlUrl = preview.QuerySelector("a[data-preview-html]")!.GetAttribute("href")!;
        var html = await _browser.Http.GetAsync(htmlUrl, Cancellation);

        (await DeliveryRowsAsync()).ShouldBe(rowsBefore, "a preview claims nothing in the ledger");
        (await ArchivedAsync()).ShouldBe(archivedBefore, "a preview archives nothing");
        Directory.Exists(_pickup).ShouldBeFalse("a preview sends nothing");
        html.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'none'; style-src 'unsafe-inline'");

        var sent = await SendNowAsync(subscriber);
        (await DeliveryRowsAsync()).ShouldBeGreaterThan(rowsBefore, "the send, unlike the preview, is in the ledger");
        var file = Path.Combine(_pickup, DigestPipeline.Mail.PickupFolderMailSender.FileNameFor(sent.MessageId));
        (await html.Content.ReadAsStringAsync(Cancellation)).ShouldBe(await File.ReadAllTextAsync(file + ".html", Cancellation));
        using var mail = await MimeMessage.LoadAsync(file + ".eml", Cancellation);
        preview.QuerySelector("[data-subject]")!.TextContent.ShouldBe(mail.Subject);
        Lines(preview.QuerySelector("[data-text-part]")!.TextContent).ShouldBe(Lines(mail.TextBody.ShouldNotBeNull()));
        preview.QuerySelector("[data-items]")!.TextContent.ShouldBe("1");
    }

    [Fact]
    public async Task With_nothing_new_since_the_last_digest_the_preview_says_so()
    {
        var subscriber = await AddAsync("nothing.new@example.org", "Nothing New", SubscriberState.Active, themes: ["climate-environment"]);

        var page = await _browser.PageAsync($"/console/subscribers/{subscriber.Id}/preview", Cancellation);

        page.QuerySelector("[data-nothing-new]").ShouldNotBeNull();
        page.QuerySelector("[data-subject]").ShouldBeNull();
    }

    private async Task<Subscriber> AddAsync(string email, string name, SubscriberState state, int createdDaysAgo = 1, IReadOnlyList<string>? themes = null,
        string language = "en", IReadOnlyList<string>? alsoReads = null, string schedule = "0 7 * * *", string timeZone = "UTC")
    {
        var subscriber = new Subscriber(Subscriber.IdFor(email), email, name, themes ?? ["health"], language, schedule, timeZone, state,
            _time.GetUtcNow().AddDays(-createdDaysAgo)) { AlsoReads = alsoReads ?? [] };
        await _host.Get<ISubscriberStore>().UpsertAsync(subscriber, Cancellation);
        return subscriber;
    }

    /// <summary>A document summarized an hour ago on <paramref name="theme"/>, indexed as the summarize handler indexes it.</summary>
    private async Task SummaryOnAsync(string theme, string documentId, CancellationToken ct)
    {
        var summaries = new DocumentSummaries(documentId, documentId + ".md", "AI at the hospital <i>today</i>", "en", _time.GetUtcNow().AddHours(-1),
        [
            new ThemedSummary(theme, new Dictionary<string, string> { ["en"] = theme }, false, 5,
                [new SummarySentence(documentId, 0, "Intro", 0, 36, "Hospitals are testing AI assistants.", 1)], ["hospital"]),
        ]);
        await _host.Get<ISummaryStore>().SaveAsync(summaries, ct);
        await _host.Get<IThemeIndex>().AddAsync(summaries, ct);
    }

    /// <summary>What <c>digest send --now</c> makes the digest queue do for one subscriber, at the host's (fake) now.</summary>
    private async Task<Delivery> SendNowAsync(Subscriber subscriber)
    {
        var period = PlanDigestsHandler.PeriodAt(_time.GetUtcNow());
        (await _host.Get<DigestSender>().DeliverAsync(new DigestRequest(subscriber.Id, period, OnDemand: true), Cancellation)).ShouldBe(DeliveryState.Sent);
        var deliveries = _host.Get<IDeliveryLedger>().ListForSubscriberAsync(subscriber.Id, 1, Cancellation);
        return (await deliveries.ToListAsync(Cancellation)).Single();
    }

    private async Task<int> DeliveryRowsAsync() =>
        (await new TableServiceClient(azurite.ConnectionString).GetTableClient(StorageNames.DeliveriesTable)
            .QueryAsync<TableEntity>(cancellationToken: Cancellation).ToListAsync(Cancellation)).Count;

    private async Task<int> ArchivedAsync() =>
        (await azurite.Blobs().GetBlobContainerClient(StorageNames.DigestsContainer).GetBlobsAsync(cancellationToken: Cancellation).ToListAsync(Cancellation)).Count;

    private static Dictionary<string, int> Counts(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-state-count]").ToDictionary(e => e.GetAttribute("data-state-count")!, e => int.Parse(e.QuerySelector("strong")!.TextContent, System.Globalization.CultureInfo.InvariantCulture));

    private static List<string> RowIds(IHtmlDocument page) =>
        page.QuerySelectorAll("tr[data-subscriber-id]").Select(r => r.GetAttribute("data-subscriber-id")!).ToList();

    /// <summary>The text part's lines: MIME writes CRLF, and an HTML parser drops a &lt;pre&gt;'s first line break.</summary>
    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").Trim('\n').Split('\n');
}
