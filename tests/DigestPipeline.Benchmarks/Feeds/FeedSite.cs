using System.Globalization;
using DigestPipeline.IntegrationTests.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Benchmarks.Feeds;

/// <summary>
/// A news site on 127.0.0.1 (Kestrel): <c>/feed.xml</c>, an RSS feed of every article, and <c>/items/{n}</c>, each
/// article's page with a navigation bar, a sidebar and a footer around it (the pages the tests serve). Counts requests.
/// </summary>
internal sealed class FeedSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private FeedSite(WebApplication app, IReadOnlyList<string> pages)
    {
        _app = app;
        Pages = pages;
    }

    /// <summary>The pages' HTML, as served, by item number.</summary>
    public IReadOnlyList<string> Pages { get; }

    public Uri FeedUrl { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<FeedSite> StartAsync(IReadOnlyList<string> pages, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new FeedSite(app, pages);
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref site._requests);
            return next(context);
        });
        app.MapGet("/feed.xml", (HttpContext context) => Results.Text(site.Feed(context), "application/rss+xml; charset=utf-8"));
        app.MapGet("/items/{n:int}", (int n) => n >= 0 && n < pages.Count ? Results.Text(pages[n], "text/html; charset=utf-8") : Results.NotFound());
        await app.StartAsync(cancellationToken);
        site.FeedUrl = new Uri(new Uri(app.Urls.First()), "/feed.xml");
        return site;
    }

    private string Feed(HttpContext context)
    {
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        return FeedContent.Rss(Pages.Select((_, n) => new FeedContent.Item(
            string.Create(CultureInfo.InvariantCulture, $"urn:bench:item:{n}"),
            string.Create(CultureInfo.InvariantCulture, $"{origin}/items/{n}"),
            string.Create(CultureInfo.InvariantCulture, $"Article {n}"))).ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// <paramref name="count"/> article pages made from the seed documents' paragraphs in turn, each with a sentence
    /// of its own, so that no two share a content hash.
    /// </summary>
    public static IReadOnlyList<string> Articles(string repositoryRoot, int count, int offset = 0)
    {
        var seeds = Directory.GetFiles(Path.Combine(repositoryRoot, "seeds", "documents")).Order(StringComparer.Ordinal)
            .Select(path => File.ReadAllText(path).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToArray();
        return Enumerable.Range(offset, count).Select(n =>
        {
            var paragraphs = seeds[n % seeds.Length];
            var title = paragraphs[0].TrimStart('#', ' ');
            var own = string.Create(CultureInfo.InvariantCulture, $"This copy is number {n} of the benchmark, written on {Guid.NewGuid():N}.");
            return FeedContent.Article(title, [.. paragraphs.Skip(1), own]);
        }).ToArray();
    }
}
