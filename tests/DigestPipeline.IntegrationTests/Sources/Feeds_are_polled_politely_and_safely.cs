using DigestPipeline.Core.Sources;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;
using static DigestPipeline.IntegrationTests.Sources.FeedContent;

namespace DigestPipeline.IntegrationTests.Sources;

/// <summary>
/// The poller against a real web server on loopback (<see cref="FeedServer"/>) and a real Azurite: RSS, Atom and JSON
/// Feed items become uploads in <c>incoming</c> holding their page's main content and their origin as metadata; a feed
/// at rest costs one conditional request; each item is uploaded once however often and wherever it is met; at most N
/// items a poll; robots.txt respected.
/// </summary>
public sealed class Feeds_are_polled_politely_and_safely(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private FeedServer _server = null!;
    private SourcesUnderTest _sources = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FeedServer.StartAsync(TestContext.Current.CancellationToken);
        _server.Serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        _sources = await SourcesUnderTest.StartAsync(azurite);
    }

    public async ValueTask DisposeAsync()
    {
        await _sources.DisposeAsync();
        await _server.DisposeAsync();
    }

    private string Link(string path) => _server.Url(path).AbsoluteUri;

    private void ServeArticle(string path, string title) => _server.Serve(path, "text/html; charset=utf-8", Article(title, Story(title.ToLowerInvariant())));

    [Theory]
    [InlineData("rss")]
    [InlineData("atom")]
    [InlineData("json")]
    public async Task Each_format_s_items_become_uploads_of_their_main_content_with_their_origin(string format)
    {
        ServeArticle("/articles/1", "Grid upgrade");
        ServeArticle("/articles/2", "Battery storage");
        Item[] items = [new($"{format}-1@{_server.BaseUrl.Port}", Link("/articles/1"), "Grid upgrade, from the feed"), new($"{format}-2@{_server.BaseUrl.Port}", Link("/articles/2"), "Battery storage")];
        var (type, body) = format switch
        {
            "rss" => ("application/rss+xml", Rss(items)),
            "atom" => ("application/atom+xml", Atom(items)),
            _ => ("application/feed+json", JsonFeed(items)),
        };
        _server.Serve($"/feed.{format}", type, body);
        var source = await _sources.AddAsync(_server.Url($"/feed.{format}"));

        var report = await _sources.PollAsync(source);

        report.Problem.ShouldBeNull();
        report.NewItems.ShouldBe(2);
        var (text, metadata, _) = await _sources.ReadUploadAsync("id:" + items[0].Id);
        text.ShouldContain("depends on new transmission lines", customMessage: "the article's text");
        text.ShouldNotContain(Chrome, customMessage: "the navigation is not the article");
        text.ShouldNotContain(Footer, customMessage: "the footer is not the article");
        text.ShouldNotContain("Celebrity gossip", customMessage: "the sidebar is not the article");
        var origin = SourcesUnderTest.Origin(metadata);
        origin.Title.ShouldBe("Grid upgrade, from the feed", "the feed item's title, not the page's");
        origin.Link.ShouldBe(new Uri(items[0].Link));
        origin.Author.ShouldNotBeNull().ShouldContain(format == "rss" ? "ana@example.test" : "Ana Reporter");
        origin.Published.ShouldBe(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        origin.ItemId.ShouldBe(ItemIdentity.Hash("id:" + items[0].Id));
        (await _sources.StateAsync(source)).ItemsSeen.ShouldBe(2);
        _server.Requests.ShouldAllBe(r => r.UserAgent.StartsWith("DigestPipeline/", StringComparison.Ordinal));
    }

    /// <summary>The figure of the closing note: a feed that did not change costs one request and no body byte per poll.</summary>
    [Fact]
    public async Task A_feed_at_rest_costs_one_conditional_request_and_no_body()
    {
        ServeArticle("/articles/rest", "Rest");
        _server.Serve("/rest.xml", "application/rss+xml", Rss(new Item(null, Link("/articles/rest"), "Rest")));
        var source = await _sources.AddAsync(_server.Url("/rest.xml"));
        (await _sources.PollAsync(source)).NewItems.ShouldBe(1);
        var requestsBefore = _server.Requests.Count;
        var bytesBefore = _server.BodyBytes;
        _sources.Time.Advance(TimeSpan.FromMinutes(30));

        var report = await _sources.PollAsync(source);

        report.NotModified.ShouldBeTrue();
        report.NewItems.ShouldBe(0);
        var atRest = _server.Requests.Skip(requestsBefore).ToList();
        atRest.Select(r => r.Path).ShouldBe(["/rest.xml"], "robots.txt is remembered; the page is not fetched again");
        atRest[0].IfNoneMatch.ShouldNotBeEmpty();
        atRest[0].IfModifiedSince.ShouldBe("Sun, 06 Dec 2026 10:00:00 GMT");
        (_server.BodyBytes - bytesBefore).ShouldBe(0);
        (report.Requests, report.BodyBytes).ShouldBe((1, 0L));
        var state = await _sources.StateAsync(source);
        state.LastSuccessAt.ShouldBe(_sources.Time.GetUtcNow());
        state.NextPollAt.ShouldBe(_sources.Time.GetUtcNow().AddMinutes(30));
    }

    [Fact]
    public async Task The_same_item_in_two_feeds_and_polled_again_is_one_upload_written_once()
    {
        ServeArticle("/articles/shared", "Shared story");
        ServeArticle("/articles/other", "Other story");
        var shared = new Item(null, Link("/articles/shared") + "?utm_source=feed-a", "Shared story");
        _server.Serve("/a.xml", "application/rss+xml", Rss(shared));
        var a = await _sources.AddAsync(_server.Url("/a.xml"));
        (await _sources.PollAsync(a)).NewItems.ShouldBe(1);
        var identity = "link:" + Link("/articles/shared");
        var (_, _, firstVersion) = await _sources.ReadUploadAsync(identity);

        // The same page in another feed, its link written without the tracking parameter.
        _server.Serve("/b.json", "application/feed+json", JsonFeed(new Item(null, Link("/articles/shared"), "Shared story"), new Item(null, Link("/articles/other"), "Other story")));
        var b = await _sources.AddAsync(_server.Url("/b.json"));
        var second = await _sources.PollAsync(b);
        var again = await _sources.Handler.PollAsync(_sources.Time.GetUtcNow(), all: true, TestContext.Current.CancellationToken);

        second.NewItems.ShouldBe(1, "only the other story is new");
        again.Where(r => r.Source.Id == a.Id || r.Source.Id == b.Id).ShouldAllBe(r => r.NewItems == 0);
        (await _sources.ReadUploadAsync(identity)).ETag.ShouldBe(firstVersion, "no second version, so no second ingest");
        (await _sources.UploadNamesAsync()).Count(n => n == _sources.Upload(identity).Name).ShouldBe(1);
    }

    [Fact]
    public async Task At_most_n_items_are_taken_a_poll_and_the_rest_at_the_next()
    {
        await using var sources = await SourcesUnderTest.StartAsync(azurite, new Dictionary<string, string?> { ["Sources:MaxItemsPerPoll"] = "2" });
        var items = Enumerable.Range(1, 5).Select(n => new Item($"many-{n}@{_server.BaseUrl.Port}", Link($"/many/{n}"), $"Story {n}", $"<p>Story number {n} told in the feed itself.</p>")).ToArray();
        _server.Serve("/many.xml", "application/rss+xml", Rss(items));
        var source = await sources.AddAsync(_server.Url("/many.xml"));

        var taken = new List<int>();
        for (var poll = 0; poll < 4; poll++)
        {
            taken.Add((await sources.PollAsync(source)).NewItems);
            sources.Time.Advance(TimeSpan.FromMinutes(30));
        }

        taken.ShouldBe([2, 2, 1, 0]);
        (await sources.StateAsync(source)).ItemsSeen.ShouldBe(5);
    }

    [Fact]
    public async Task Robots_txt_keeps_the_poller_out_of_what_it_disallows()
    {
        _server.Serve("/private/feed.xml", "application/rss+xml", Rss(new Item("p-1", Link("/articles/1"), "Hidden")));
        var source = await _sources.AddAsync(_server.Url("/private/feed.xml"));

        var report = await _sources.PollAsync(source);

        report.Problem.ShouldBe("robots.txt disallows /private/feed.xml");
        _server.Requests.ShouldNotContain(r => r.Path == "/private/feed.xml");
        (await _sources.StateAsync(source)).LastError.ShouldBe("robots.txt disallows /private/feed.xml");
    }

    [Fact]
    public async Task A_page_given_to_digest_upload_is_fetched_and_uploaded_as_an_item_is()
    {
        ServeArticle("/articles/single", "Single page");

        var imported = await _sources.Poller.ImportPageAsync(_server.Url("/articles/single#top"), TestContext.Current.CancellationToken);

        imported.Problem.ShouldBeNull();
        imported.Title.ShouldBe("Single page");
        var (text, metadata, _) = await _sources.ReadUploadAsync("link:" + Link("/articles/single"));
        text.ShouldContain("depends on new transmission lines");
        text.ShouldNotContain(Chrome);
        SourcesUnderTest.Origin(metadata).Link.ShouldBe(_server.Url("/articles/single"));
        (await _sources.Poller.ImportPageAsync(_server.Url("/private/x"), TestContext.Current.CancellationToken)).Problem.ShouldBe("robots.txt disallows /private/x");
    }
}
