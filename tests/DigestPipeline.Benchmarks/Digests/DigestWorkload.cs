using System.Diagnostics;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Schedules.Fakes;
using DigestPipeline.Core.Themes;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace DigestPipeline.Benchmarks.Digests;

/// <summary>
/// What <see cref="SendDigestHandler"/> does for one subscriber between the ledger and the mail server: collect
/// the content (in-memory theme index and summary store), compose it (real templates, signed links), build the
/// email. A subscriber with no new item gets no digest (<c>null</c>), as in the handler.
/// </summary>
internal sealed class DigestWorkload
{
    /// <summary>A test secret: the harness only needs tokens of the real length and cost.</summary>
    private const string TokenSecret = "load-harness-token-secret-0123456789abcdef";

    private readonly DigestContentCollector _collector;
    private readonly DigestComposer _composer;
    private readonly DigestOptions _options = new();

    private DigestWorkload(DigestContentCollector collector, DigestComposer composer, DateTimeOffset period)
    {
        _collector = collector;
        _composer = composer;
        Period = period;
    }

    public DateTimeOffset Period { get; }

    /// <summary>Time spent collecting content, since the workload was created.</summary>
    public TimeSpan Collecting { get; private set; }

    /// <summary>Time spent rendering (templates, links, email), since the workload was created.</summary>
    public TimeSpan Rendering { get; private set; }

    public static async Task<DigestWorkload> CreateAsync(IReadOnlyList<DocumentSummaries> summaries, ThemeTaxonomy taxonomy, DateTimeOffset period)
    {
        var index = new InMemoryThemeIndex();
        var store = new InMemorySummaryStore();
        foreach (var summary in summaries)
        {
            await store.SaveAsync(summary, CancellationToken.None);
            await index.AddAsync(summary, CancellationToken.None);
        }

        var digestOptions = OptionsFactory.Create(new DigestOptions());
        var subscription = OptionsFactory.Create(new SubscriptionOptions { TokenSecret = TokenSecret, PublicBaseUrl = "https://digest.example.org" });
        var links = new SubscriberLinks(new SubscriberTokens(subscription, TimeProvider.System), subscription);
        return new DigestWorkload(new DigestContentCollector(index, store, taxonomy, digestOptions), new DigestComposer(links), period);
    }

    public async Task<EmailMessage?> ComposeAsync(Subscriber subscriber)
    {
        var after = Period - TimeSpan.FromDays(1);
        var started = Stopwatch.GetTimestamp();
        var content = await _collector.CollectAsync(subscriber, Period, after, Period, CancellationToken.None);
        var collected = Stopwatch.GetTimestamp();
        Collecting += Stopwatch.GetElapsedTime(started, collected);
        if (content.ItemCount < _options.MinimumItems)
            return null;

        var delivery = new Delivery(subscriber.Id, Period, DeliveryState.Claimed, Period, after, Period,
            $"digest-{subscriber.Id}-{Period.UtcDateTime:yyyyMMddTHHmmZ}@digestpipeline.localhost");
        var composed = _composer.Compose(content, delivery.Id);
        var email = DigestMail.For(composed, subscriber, delivery, _options);
        Rendering += Stopwatch.GetElapsedTime(collected);
        return email;
    }
}
