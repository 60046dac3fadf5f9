using DigestPipeline.Core.Sources;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;
using static DigestPipeline.IntegrationTests.Sources.FeedContent;

namespace DigestPipeline.IntegrationTests.Sources;

/// <summary>
/// A malformed feed, a 500, a feed that never finishes, a huge one, one of the wrong type: each recorded on its source
/// with its reason and backed off (doubling, per source, on a fake clock), while the other sources are polled as usual.
/// A page that fails (500, slow, huge, no article, disallowed) leaves its item to the feed's own content, with the
/// reason on the item; an item with neither is recorded as failed, tried again at the next polls (up to
/// <see cref="SourceItem.MaxAttempts"/>), then when the feed changes.
/// </summary>
public sealed class Bad_feeds_and_pages_are_recorded_with_their_reason(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private FeedServer _server = null!;
    private SourcesUnderTest _sources = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FeedServer.StartAsync(TestContext.Current.CancellationToken);
        _server.Serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        _sources = await SourcesUnderTest.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Sources:BackOffBase"] = "00:10:00",
            ["Sources:BackOffMax"] = "01:00:00",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _sources.DisposeAsync();
        await _server.DisposeAsync();
    }

    private string Link(string path) => _server.Url(path).AbsoluteUri;

    [Theory]
    [InlineData("malformed", "not a readable RSS, Atom or JSON feed")]
    [InlineData("error", "HTTP 500")]
    [InlineData("slow", "no complete answer within 2 s")]
    [InlineData("huge", "larger than the 262,144 bytes allowed")]
    [InlineData("image", "content type 'image/png' is not one a feed may have")]
    [InlineData("gone", "HTTP 404")]
    public async Task A_bad_feed_is_recorded_with_its_reason_and_backed_off(string kind, string reason)
    {
        var path = $"/{kind}.xml";
        switch (kind)
        {
            case "malformed": _server.Serve(path, "application/rss+xml", "<rss version=\"2.0\"><channel><title>cut"); break;
            case "error": _server.Status(path, 500); break;
            case "slow": _server.Slow(path, "application/rss+xml"); break;
            case "huge": _server.Endless(path, "application/rss+xml"); break;
            case "image": _server.Serve(path, "image/png", "\u0089PNG"); break;
            default: break;
        }

        var good = "/good-" + kind + ".xml";
        _server.Serve(good, "application/rss+xml", Rss(new Item($"good-{kind}-{_server.BaseUrl.Port}", Link("/nowhere"), "Good", "<p>Told in the feed.</p>")));
        var bad = await _sources.AddAsync(_server.Url(path), TimeSpan.FromMinutes(5));
        var fine = await _sources.AddAsync(_server.Url(good), TimeSpan.FromMinutes(5));
        var start = _sources.Time.GetUtcNow();

        var reports = await _sources.Handler.PollAsync(start, all: true, TestContext.Current.CancellationToken);
        _sources.Time.Advance(TimeSpan.FromMinutes(10));
        var second = await _sources.PollAsync(bad);

        reports.Single(r => r.Source.Id == bad.Id).Problem.ShouldNotBeNull().ShouldContain(reason);
        reports.Single(r => r.Source.Id == fine.Id).NewItems.ShouldBe(1, "one bad source holds no other back");
        var state = await _sources.StateAsync(bad);
        state.LastError.ShouldNotBeNull().ShouldContain(reason);
        state.LastErrorAt.ShouldBe(start.AddMinutes(10));
        state.LastSuccessAt.ShouldBeNull();
        state.ConsecutiveFailures.ShouldBe(2);
        second.Source.NextPollAt.ShouldBe(start.AddMinutes(10 + 20), "the second failure in a row waits twice the base");
        reports.Single(r => r.Source.Id == bad.Id).Source.NextPollAt.ShouldBe(start.AddMinutes(10), "the first waits the base, longer than the 5-minute interval");
    }

    [Fact]
    public async Task A_source_that_recovers_is_polled_at_its_interval_again_and_keeps_its_last_error_for_the_record()
    {
        _server.Status("/flaky.xml", 500);
        var source = await _sources.AddAsync(_server.Url("/flaky.xml"), TimeSpan.FromMinutes(5));
        await _sources.PollAsync(source);
        _server.Serve("/flaky.xml", "application/rss+xml", Rss());
        _sources.Time.Advance(TimeSpan.FromMinutes(10));

        var report = await _sources.PollAsync(source);

        report.Problem.ShouldBeNull();
        report.Source.ConsecutiveFailures.ShouldBe(0);
        report.Source.NextPollAt.ShouldBe(_sources.Time.GetUtcNow().AddMinutes(5));
        report.Source.LastError.ShouldBe("HTTP 500 Internal Server Error");
    }

    [Fact]
    public async Task Pages_that_fail_leave_their_items_to_the_feed_s_content_with_the_reason_recorded()
    {
        _server.Status("/pages/error", 500);
        _server.Slow("/pages/slow", "text/html");
        _server.Endless("/pages/huge", "text/html");
        _server.Serve("/pages/empty", "text/html", "<html><body><nav>Home</nav></body></html>");
        _server.Serve("/private/page", "text/html", Article("Private", Story("a private plan")));
        var port = _server.BaseUrl.Port;
        Item[] items =
        [
            new($"e-{port}", Link("/pages/error"), "Error page", "<p>The feed's own text of the error item.</p>"),
            new($"s-{port}", Link("/pages/slow"), "Slow page", "<p>The feed's own text of the slow item.</p>"),
            new($"h-{port}", Link("/pages/huge"), "Huge page", "<p>The feed's own text of the huge item.</p>"),
            new($"n-{port}", Link("/pages/empty"), "No article", "<p>The feed's own text of the empty item.</p>"),
            new($"p-{port}", Link("/private/page"), "Disallowed", "<p>The feed's own text of the disallowed item.</p>"),
            new($"x-{port}", Link("/pages/error"), "Nothing at all"),
        ];
        _server.Serve("/pages.xml", "application/rss+xml", Rss(items));
        var source = await _sources.AddAsync(_server.Url("/pages.xml"));

        var report = await _sources.PollAsync(source);

        report.Problem.ShouldBeNull("the feed itself was fine");
        (report.NewItems, report.FailedItems).ShouldBe((5, 1));
        var reasons = new Dictionary<string, string>
        {
            ["e"] = "page: HTTP 500",
            ["s"] = "page: no complete answer within 2 s",
            ["h"] = "page: larger than the 262,144 bytes allowed",
            ["n"] = "page: no readable article in it",
            ["p"] = "robots.txt disallows /private/page",
        };
        foreach (var (prefix, reason) in reasons)
        {
            var stored = await _sources.Store.GetItemAsync(ItemIdentity.Hash($"id:{prefix}-{port}"), TestContext.Current.CancellationToken);
            stored.ShouldNotBeNull().Error.ShouldNotBeNull().ShouldContain(reason);
            stored.FromFeedContent.ShouldBeTrue();
            (await _sources.ReadUploadAsync($"id:{prefix}-{port}")).Text.ShouldContain(items.Single(i => i.Id == $"{prefix}-{port}").Html!, Case.Sensitive, "the feed's HTML, as HTML");
        }

        var failed = await _sources.Store.ListFailedItemsAsync(50, TestContext.Current.CancellationToken);
        failed.ShouldContain(i => i.Hash == ItemIdentity.Hash($"id:x-{port}") && !i.FromFeedContent && i.Error!.Contains("the feed gives no content either", StringComparison.Ordinal));
        (await _sources.UploadNamesAsync()).ShouldNotContain(ItemIdentity.BlobName(ItemIdentity.Hash($"id:x-{port}")), "nothing to upload, nothing uploaded");

        // The next polls read the feed whole and ask again for the one page with nothing in its place, and for no
        // other, until it was tried MaxAttempts times; then the feed is asked with its validators (304), no page at all.
        for (var attempt = 2; attempt <= SourceItem.MaxAttempts; attempt++)
        {
            var requests = _server.Requests.Count;
            _sources.Time.Advance(TimeSpan.FromMinutes(30));
            var again = await _sources.PollAsync(source);
            (again.NotModified, again.NewItems, again.FailedItems).ShouldBe((false, 0, 1), $"poll {attempt}");
            _server.Requests.Skip(requests).Select(r => r.Path).ShouldBe(["/pages.xml", "/pages/error"], $"poll {attempt}");
        }

        (await _sources.Store.GetItemAsync(ItemIdentity.Hash($"id:x-{port}"), TestContext.Current.CancellationToken)).ShouldNotBeNull()
            .Attempts.ShouldBe(SourceItem.MaxAttempts);
        var before = _server.Requests.Count;
        _sources.Time.Advance(TimeSpan.FromMinutes(30));
        (await _sources.PollAsync(source)).NotModified.ShouldBeTrue();
        _server.Requests.Skip(before).Select(r => r.Path).ShouldBe(["/pages.xml"]);
    }

    [Fact]
    public async Task An_item_with_nothing_to_show_is_tried_again_at_the_next_poll_and_taken_once_its_page_answers()
    {
        _server.Status("/pages/deploying", 503);
        var id = $"deploying-{_server.BaseUrl.Port}";
        _server.Serve("/deploying.xml", "application/rss+xml", Rss(new Item(id, Link("/pages/deploying"), "Back soon")));
        var source = await _sources.AddAsync(_server.Url("/deploying.xml"));
        (await _sources.PollAsync(source)).FailedItems.ShouldBe(1);

        // The site is back; the feed has not changed, which a conditional GET would answer with a 304.
        _server.Serve("/pages/deploying", "text/html", Article("Back soon", Story("the deployment")));
        _sources.Time.Advance(TimeSpan.FromMinutes(30));
        var report = await _sources.PollAsync(source);

        (report.NotModified, report.NewItems, report.FailedItems).ShouldBe((false, 1, 0));
        (await _sources.ReadUploadAsync($"id:{id}")).Text.ShouldContain("the deployment");
        var stored = (await _sources.Store.GetItemAsync(ItemIdentity.Hash($"id:{id}"), TestContext.Current.CancellationToken)).ShouldNotBeNull();
        stored.Error.ShouldBeNull();
        _sources.Time.Advance(TimeSpan.FromMinutes(30));
        (await _sources.PollAsync(source)).NotModified.ShouldBeTrue("nothing left to try: the validators are kept again");
    }
}
