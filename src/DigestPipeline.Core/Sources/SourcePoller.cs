using System.Text;
using DigestPipeline.Core.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Sources;

/// <summary>
/// Polls one source: robots.txt, a conditional GET of the feed, its items read, and each new or changed item (at most
/// <see cref="SourceOptions.MaxItemsPerPoll"/>) fetched, its main content extracted and uploaded to <c>incoming</c>
/// with its origin as metadata. Every failure is a reason recorded on the source (the feed) or the item (its page);
/// nothing throws but cancellation and storage, and running it twice uploads nothing twice.
/// </summary>
public sealed class SourcePoller(
    WebFetcher fetcher,
    RobotsCache robots,
    ISourceStore store,
    IItemUploads uploads,
    IOptions<SourceOptions> options,
    ILogger<SourcePoller> logger)
{
    private const string HtmlType = "text/html; charset=utf-8";

    public async Task<PollReport> PollAsync(FeedSource source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var cost = new Cost();
        var robotsProblem = cost.Add(await robots.CheckAsync(source.Url, cancellationToken));
        if (robotsProblem is not null)
            return Failed(source, now, robotsProblem, cost);

        var feed = await fetcher.FetchAsync(source.Url, FetchKind.Feed, source.ETag, source.LastModified, cancellationToken);
        cost.Add(feed);
        if (feed.Status == FetchStatus.NotModified)
            return new PollReport(Succeeded(source, now, feed.ETag, feed.LastModified, 0), 0, 0, NotModified: true, null, cost.Requests, cost.Bytes);
        if (feed.Status == FetchStatus.Failed)
            return Failed(source, now, feed.Problem!, cost);

        IReadOnlyList<FeedItem> items;
        try
        {
            items = FeedReader.Read(feed.Body, feed.FinalUrl);
        }
        catch (FeedFormatException e)
        {
            return Failed(source, now, e.Message, cost);
        }

        var pending = new List<(FeedItem Item, string Identity, string Hash, string FeedHash, int Attempts)>();
        foreach (var item in items)
        {
            if (ItemIdentity.Of(item.ItemId, item.Link) is not { } identity)
                continue; // Neither guid nor link: nothing to name it by, nor to fetch.
            var hash = ItemIdentity.Hash(identity);
            // The canonical link, so that the same item told alike by two feeds (one adding tracking parameters) is unchanged.
            var feedHash = ItemIdentity.ContentHash(item.Title, item.Link is null ? null : ItemIdentity.Canonical(item.Link).AbsoluteUri, item.Content);
            var known = await store.GetItemAsync(hash, cancellationToken);
            var unchanged = known is not null && known.FeedHash == feedHash;
            // Known and unchanged: nothing to do, unless it failed with nothing in its place and is still worth a try
            // (an item whose page failed but whose feed content stood in is not fetched again each poll; a change in
            // the feed brings any item back).
            if (unchanged && !known!.WorthRetrying)
                continue;
            pending.Add((item, identity, hash, feedHash, unchanged ? known!.Attempts : 0));
        }

        var max = options.Value.MaxItemsPerPoll;
        int taken = 0, failed = 0;
        var retryLater = false;
        foreach (var (item, identity, hash, feedHash, attempts) in pending.Take(max))
        {
            switch (await TakeItemAsync(source.Id, item, identity, hash, feedHash, attempts, now, cost, cancellationToken))
            {
                case true: taken++; break;
                case false:
                    failed++;
                    retryLater |= attempts + 1 < SourceItem.MaxAttempts;
                    break;
                default: break; // Uploaded already with these very bytes (another feed's copy): nothing new.
            }
        }

        // Items left for the next poll, or to be tried again: the feed's validators are not kept, so that the next
        // poll reads the feed whole instead of hearing "not modified" and never seeing them.
        var leftOver = pending.Count > max || retryLater;
        var state = Succeeded(source, now, leftOver ? null : feed.ETag, leftOver ? null : feed.LastModified, taken);
        if (taken + failed > 0)
            logger.LogInformation("Source {Source}: {New} new or updated item(s) uploaded, {Failed} failed, {Left} left for the next poll", source.Name, taken, failed, Math.Max(0, pending.Count - max));
        return new PollReport(state, taken, failed, NotModified: false, null, cost.Requests, cost.Bytes);
    }

    /// <summary><c>digest upload https://…</c>: one page fetched, extracted and uploaded as a feed item would be.</summary>
    public async Task<PageImport> ImportPageAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var cost = new Cost();
        var identity = ItemIdentity.Of(null, url)!;
        var hash = ItemIdentity.Hash(identity);
        var (article, problem) = await FetchArticleAsync(url, cost, cancellationToken);
        if (article is null)
            return new PageImport(null, null, null, problem);
        var blobName = ItemIdentity.BlobName(hash);
        var metadata = new UploadMetadata(article.Title, ItemIdentity.Canonical(url), article.Byline, null, hash);
        await uploads.PutAsync(blobName, Encoding.UTF8.GetBytes(PageExtractor.Page(article.Title, article.Html)), HtmlType, metadata.ToBlobMetadata(), cancellationToken);
        return new PageImport(blobName, hash, article.Title, null);
    }

    /// <returns>True when a new version was uploaded, null when the upload already held these bytes, false when nothing could be uploaded.</returns>
    private async Task<bool?> TakeItemAsync(
        string sourceId, FeedItem item, string identity, string hash, string feedHash, int attempts, DateTimeOffset now, Cost cost, CancellationToken cancellationToken)
    {
        string? html = null;
        string? problem = null;
        if (item.Link is { } link)
            (html, problem) = (await FetchArticleAsync(link, cost, cancellationToken)) is var (article, why) ? (article?.Html, why) : default;
        else
            problem = "the item has no link";

        // The page could not be fetched or had no readable article: the feed's own content (or summary) stands in.
        var fromFeed = false;
        if (html is null && PageExtractor.FeedContent(item) is { } content)
            (html, fromFeed) = (content, true);

        var blobName = ItemIdentity.BlobName(hash);
        if (html is null)
        {
            await store.SaveItemAsync(new SourceItem(hash, identity, sourceId, item.Link, item.Title, feedHash, blobName, now, problem + "; the feed gives no content either",
                Attempts: attempts + 1), cancellationToken);
            logger.LogWarning("Source item {Item} not uploaded: {Problem}", hash, problem);
            return false;
        }

        var metadata = new UploadMetadata(item.Title, item.Link is null ? null : ItemIdentity.Canonical(item.Link), item.Author, item.Published, hash);
        var written = await uploads.PutAsync(blobName, Encoding.UTF8.GetBytes(PageExtractor.Page(item.Title, html)), HtmlType, metadata.ToBlobMetadata(), cancellationToken);
        await store.SaveItemAsync(new SourceItem(hash, identity, sourceId, item.Link, item.Title, feedHash, blobName, now, fromFeed ? problem : null, fromFeed), cancellationToken);
        return written ? true : null;
    }

    private async Task<(ExtractedArticle? Article, string? Problem)> FetchArticleAsync(Uri url, Cost cost, CancellationToken cancellationToken)
    {
        if (cost.Add(await robots.CheckAsync(url, cancellationToken)) is { } disallowed)
            return (null, disallowed);
        var page = await fetcher.FetchAsync(url, FetchKind.Page, cancellationToken: cancellationToken);
        cost.Add(page);
        if (page.Status != FetchStatus.Ok)
            return (null, $"page: {page.Problem}");
        try
        {
            return PageExtractor.MainContent(page.Body, page.Charset, page.ContentType, page.FinalUrl) is { } article
                ? (article, null)
                : (null, "page: no readable article in it");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The extractor is a third party's parser: whatever it throws on a strange page is that page's problem.
            return (null, $"page: the main content could not be extracted ({e.GetType().Name})");
        }
    }

    private FeedSource Succeeded(FeedSource source, DateTimeOffset now, string? eTag, string? lastModified, int newItems) => source with
    {
        ETag = eTag,
        LastModified = lastModified,
        LastPolledAt = now,
        LastSuccessAt = now,
        ConsecutiveFailures = 0,
        ItemsSeen = source.ItemsSeen + newItems,
        LastNewItems = newItems,
        NextPollAt = PollSchedule.Next(now, source.Every, 0, options.Value),
    };

    private PollReport Failed(FeedSource source, DateTimeOffset now, string problem, Cost cost)
    {
        var failures = source.ConsecutiveFailures + 1;
        var state = source with
        {
            LastPolledAt = now,
            LastErrorAt = now,
            LastError = problem,
            ConsecutiveFailures = failures,
            LastNewItems = 0,
            NextPollAt = PollSchedule.Next(now, source.Every, failures, options.Value),
        };
        logger.LogWarning("Source {Source} failed ({Failures} in a row): {Problem}; next poll at {Next:u}", source.Name, failures, problem, state.NextPollAt);
        return new PollReport(state, 0, 0, NotModified: false, problem, cost.Requests, cost.Bytes);
    }

    /// <summary>The requests and body bytes one poll cost (the figure "poll cost at rest" is read from).</summary>
    private sealed class Cost
    {
        public int Requests { get; private set; }

        public long Bytes { get; private set; }

        public void Add(FetchResult fetched) => (Requests, Bytes) = (Requests + fetched.Requests, Bytes + fetched.BodyBytes);

        public string? Add((string? Problem, int Requests, long Bytes) robots)
        {
            (Requests, Bytes) = (Requests + robots.Requests, Bytes + robots.Bytes);
            return robots.Problem;
        }
    }
}
