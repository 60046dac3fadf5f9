using System.Diagnostics;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Benchmarks.Latency;
using DigestPipeline.Benchmarks.Load;
using DigestPipeline.Core.Sources;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DigestPipeline.Benchmarks.Feeds;

/// <summary>
/// The <c>feeds</c> command: one poll of a feed of <c>--items</c> articles (default 1,000) served on 127.0.0.1, through
/// the running local host on a fresh Azurite, timed until every item is summarized; then the same pages uploaded
/// straight to <c>incoming</c> (8 in flight) on another fresh Azurite, timed the same way: the reference.
/// </summary>
internal static class FeedCommand
{
    private const int WarmUpItems = 100;
    private const int Uploaders = 8;

    /// <summary>One poll takes every item.</summary>
    private static Dictionary<string, string?> Settings(int items) => new()
    {
        ["Sources:AllowPrivateAddresses"] = "true",
        ["Sources:MaxItemsPerPoll"] = items.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// No timer: the host's own poll, run when its timer gets its lock, would otherwise race the measured one and
    /// take part of the items (both runs stay correct, as polls are idempotent, but the timing would not be one poll's).
    /// </summary>
    private static void WithoutTimers(IServiceCollection services) => services.RemoveAll<ITimerHandler>();

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter log, CancellationToken cancellationToken)
    {
        var count = CommandLineOptions.Int(args, "--items", 1000);
        if (count is < 1 or > 1000)
        {
            await log.WriteLineAsync("--items must be 1 to 1000 (Sources:MaxItemsPerPoll's range: one poll takes them all).");
            return 2;
        }

        var timeout = TimeSpan.FromMinutes(CommandLineOptions.Int(args, "--timeout-minutes", 15));
        var root = RepositoryRoot.Find();

        // The analysis and the poller are JIT-compiled on their first items; the run measured second would not pay that.
        await log.WriteLineAsync($"== warm-up: {WarmUpItems} other items, by feed and by upload");
        var warmUp = FeedSite.Articles(root, WarmUpItems, offset: count);
        await FeedRunAsync(root, warmUp, timeout, log, cancellationToken);
        await UploadRunAsync(root, warmUp, timeout, log, cancellationToken);

        var pages = FeedSite.Articles(root, count);
        await log.WriteLineAsync($"== feed of {count} items");
        var feed = await FeedRunAsync(root, pages, timeout, log, cancellationToken);
        await log.WriteLineAsync($"== the same {count} pages uploaded (reference)");
        var upload = await UploadRunAsync(root, pages, timeout, log, cancellationToken);

        await output.WriteLineAsync($"feeds: {count} article pages ({pages.Average(p => p.Length) / 1024:F1} KB of HTML each), load average {CommandLineOptions.LoadAverage()}");
        await output.WriteLineAsync($"  by feed:   one poll in {feed.Ingress.TotalSeconds:F1} s ({feed.Requests} requests to the site, {feed.Taken} items uploaded, {feed.Failed} failed); {feed.Summarized} summarized after {feed.Last.TotalSeconds:F1} s: {feed.Rate:F1} items/s");
        await output.WriteLineAsync($"  by upload: {count} uploads in {upload.Ingress.TotalSeconds:F1} s; {upload.Summarized} summarized after {upload.Last.TotalSeconds:F1} s: {upload.Rate:F1} documents/s");
        await output.WriteLineAsync($"  feed / upload: {feed.Rate / upload.Rate:F2}");
        return feed.Summarized == count && upload.Summarized == count ? 0 : 1;
    }

    private sealed record RunResult(TimeSpan Ingress, TimeSpan Last, int Summarized, int Requests = 0, int Taken = 0, int Failed = 0)
    {
        public double Rate => Summarized / Last.TotalSeconds;
    }

    private static async Task<RunResult> FeedRunAsync(string root, IReadOnlyList<string> pages, TimeSpan timeout, TextWriter log, CancellationToken cancellationToken)
    {
        await using var site = await FeedSite.StartAsync(pages, cancellationToken);
        await using var pipeline = await PipelineUnderTest.StartAsync(root, Settings(pages.Count), log, cancellationToken, WithoutTimers);
        var services = pipeline.Host.Services;
        var now = DateTimeOffset.UtcNow;
        var source = await services.GetRequiredService<ISourceStore>().AddAsync(
            new FeedSource(FeedSource.IdFor(site.FeedUrl), "bench", site.FeedUrl, TimeSpan.FromMinutes(30), now, now), cancellationToken);

        var clock = Stopwatch.StartNew();
        using var arrivals = new SummaryArrivals(clock);
        var report = await services.GetRequiredService<SourcePoller>().PollAsync(source, now, cancellationToken);
        var ingress = clock.Elapsed;
        await log.WriteLineAsync($"  feed: poll done in {ingress.TotalSeconds:F1} s, {report.NewItems} new, {report.FailedItems} failed");
        var arrived = await arrivals.WaitForCountAsync(pages.Count, timeout, cancellationToken);
        return new RunResult(ingress, arrived.DefaultIfEmpty().Max(), arrived.Count, site.Requests, report.NewItems, report.FailedItems);
    }

    private static async Task<RunResult> UploadRunAsync(string root, IReadOnlyList<string> pages, TimeSpan timeout, TextWriter log, CancellationToken cancellationToken)
    {
        await using var pipeline = await PipelineUnderTest.StartAsync(root, Settings(pages.Count), log, cancellationToken, WithoutTimers);
        var incoming = new BlobServiceClient(pipeline.Azurite.ConnectionString).GetBlobContainerClient(StorageNames.IncomingContainer);

        var clock = Stopwatch.StartNew();
        using var arrivals = new SummaryArrivals(clock);
        await Parallel.ForEachAsync(Enumerable.Range(0, pages.Count), new ParallelOptions { MaxDegreeOfParallelism = Uploaders, CancellationToken = cancellationToken },
            (n, ct) => new ValueTask(incoming.GetBlobClient($"bench/{n:0000}.html").UploadAsync(BinaryData.FromString(pages[n]),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8" } }, ct)));
        var ingress = clock.Elapsed;
        await log.WriteLineAsync($"  upload: {pages.Count} uploads done in {ingress.TotalSeconds:F1} s");
        var arrived = await arrivals.WaitForCountAsync(pages.Count, timeout, cancellationToken);
        return new RunResult(ingress, arrived.DefaultIfEmpty().Max(), arrived.Count);
    }
}
