using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Sources;
using DigestPipeline.Core.Summaries;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;
using static DigestPipeline.IntegrationTests.Sources.FeedContent;

namespace DigestPipeline.IntegrationTests.Sources;

/// <summary>
/// Through the running local host (blob watcher, ingest, summarize on its own Azurite): a polled item ends a
/// summarized document whose title is the item's, whose source is the item's link and whose id is the item's
/// identity; the item updated (new page text) keeps its id, gets its new text and summaries, and keeps the theme
/// index rows it had, each with the time it was first indexed, so no digest window holds it twice and no subscriber
/// is sent it again (the theme index is what digests read: <c>TableThemeIndex</c>).
/// </summary>
public sealed class A_feed_item_becomes_a_document_named_and_linked_by_its_item : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private RunningPipeline _pipeline = null!;
    private FeedServer _server = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _server = await FeedServer.StartAsync(Cancellation);
        _server.Serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
        _pipeline = await RunningPipeline.StartAsync(_azurite.ConnectionString, "127.0.0.1", ClosedLoopbackPort.Find(), Cancellation,
            new Dictionary<string, string?> { ["Sources:AllowPrivateAddresses"] = "true" });
    }

    public async ValueTask DisposeAsync()
    {
        await _pipeline.DisposeAsync();
        await _server.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private static string[] Paragraphs() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "documents", "en-hospitals-and-grid-operators-brace-for-ai.txt"))
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToArray();

    [Fact]
    public async Task Its_title_and_link_travel_into_the_document_and_an_update_replaces_its_text_but_not_its_place_in_digests()
    {
        var link = _server.Url("/news/hospitals").AbsoluteUri;
        var paragraphs = Paragraphs();
        _server.Serve("/news/hospitals", "text/html", Article("Page headline", paragraphs));
        _server.Serve("/feed.xml", "application/rss+xml", Rss(new Item("urn:news:hospitals", link, "Hospitals brace for AI (feed title)")));
        var store = _pipeline.Get<ISourceStore>();
        var poll = _pipeline.Get<PollSourcesHandler>();
        await store.AddAsync(new FeedSource(FeedSource.IdFor(_server.Url("/feed.xml")), "news", _server.Url("/feed.xml"), TimeSpan.FromMinutes(30), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow), Cancellation);

        // The host's own timer may poll it first (its run at start): either way the item is uploaded once.
        await poll.PollAsync(DateTimeOffset.UtcNow, all: true, Cancellation);

        var id = ItemIdentity.Hash("id:urn:news:hospitals");
        var first = await SummarizedAsync(id, r => r.Status == DocumentStatus.Summarized);
        first.Title.ShouldBe("Hospitals brace for AI (feed title)");
        var document = (await _pipeline.Get<IDocumentStore>().GetAsync(id, Cancellation)).ShouldNotBeNull();
        document.SourceUrl.ShouldBe(new Uri(link));
        document.Text.ShouldNotContain(Chrome);
        (await _pipeline.Get<ISummaryStore>().GetAsync(id, Cancellation)).ShouldNotBeNull().SourceUrl.ShouldBe(new Uri(link), "what digests show and link to");
        first.Themes.ShouldNotBeNull().ShouldNotBeEmpty();
        var indexedBefore = await IndexRowsAsync(id, first.Themes!);

        // The item is updated: its page gets a new closing paragraph, the feed a new description.
        const string added = "The regulator will publish its review of hospital data centres in March, after hearing from every grid operator.";
        _server.Serve("/news/hospitals", "text/html", Article("Page headline", [.. paragraphs, added]));
        _server.Serve("/feed.xml", "application/rss+xml", Rss(new Item("urn:news:hospitals", link, "Hospitals brace for AI (feed title)", "<p>Updated.</p>")));
        (await poll.PollAsync(DateTimeOffset.UtcNow.AddMinutes(31), all: true, Cancellation)).Single().NewItems.ShouldBe(1);

        await RunningPipeline.EventuallyAsync(async () =>
            (await _pipeline.Get<IDocumentStore>().GetAsync(id, Cancellation)) is { } d && d.Text.Contains(added, StringComparison.Ordinal) ? d : null,
            "the item's new text", Cancellation);
        var second = await SummarizedAsync(id, r => r.Status == DocumentStatus.Summarized && r.UpdatedAt > first.UpdatedAt);
        (await _pipeline.DocumentRecordsAsync(Cancellation)).Count(r => r.Status != DocumentStatus.Rejected).ShouldBe(1, "one item, one document");
        (await IndexRowsAsync(id, first.Themes!)).ShouldBe(indexedBefore, "each theme keeps the time it was first indexed: never in a second digest window");
        second.Title.ShouldBe(first.Title);
    }

    private async Task<DocumentRecord> SummarizedAsync(string id, Func<DocumentRecord, bool> condition) =>
        await RunningPipeline.EventuallyAsync(async () =>
            (await _pipeline.Get<IDocumentRecords>().GetRecordAsync(id, Cancellation)) is { } record && condition(record) ? record : null,
            $"document {id} to be summarized", Cancellation);

    private async Task<List<ThemeIndexEntry>> IndexRowsAsync(string id, IEnumerable<string> themes)
    {
        var rows = new List<ThemeIndexEntry>();
        foreach (var theme in themes)
        {
            await foreach (var entry in _pipeline.Get<IThemeIndex>().QueryAsync(theme, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, Cancellation))
            {
                if (entry.DocumentId == id)
                    rows.Add(entry);
            }
        }

        return rows;
    }
}
