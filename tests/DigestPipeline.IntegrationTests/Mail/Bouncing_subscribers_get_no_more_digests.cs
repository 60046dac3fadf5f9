using DigestPipeline.Azure.Storage;
using DigestPipeline.Core;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Summaries;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.Mail;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Mail;

/// <summary>The bounce rule through the real handlers, Azurite's tables and SMTP to the scripted peer.</summary>
public sealed class Bouncing_subscribers_get_no_more_digests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly ScriptedSmtpPeer _peer = ScriptedSmtpPeer.Start();
    private ServiceProvider? _services;
    private SmtpMailSender? _sender;

    private T Get<T>() where T : notnull => _services!.GetRequiredService<T>();

    public async ValueTask InitializeAsync()
    {
        _sender = PeerSenders.Sender(PeerSenders.Options(_peer));
        var settings = new Dictionary<string, string?>
        {
            ["Themes:Path"] = Path.Combine(AppContext.BaseDirectory, "seeds", "themes.json"),
            ["Digests:IndexSettleTime"] = "00:00:00",
            ["Digests:BounceLimit"] = "3",
            ["Subscriptions:TokenSecret"] = "bounce-test-secret-0123456789-abcdefghij",
        };
        // The mail adapters as every host has them (the newsletter mailbox among them), then the scripted peer's sender.
        _services = azurite.BuildServices(settings, services => services.AddDigestPipelineCore()
            .AddDigestMail(azurite.Configuration(settings)).AddSingleton<IMailSender>(_sender));
        var ct = TestContext.Current.CancellationToken;
        await Get<StorageInitializer>().InitializeAsync(ct);
        var summarized = DateTimeOffset.UtcNow.AddHours(-1);
        var summaries = new DocumentSummaries("doc-bounce", "hospital.md", "AI at the hospital", "en", summarized,
        [
            new ThemedSummary("health", new Dictionary<string, string> { ["en"] = "Health" }, false, 5,
                [new SummarySentence("doc-bounce", 0, "Intro", 0, 36, "Hospitals are testing AI assistants.", 1)], ["hospital"]),
        ]);
        await Get<ISummaryStore>().SaveAsync(summaries, ct);
        await Get<IThemeIndex>().AddAsync(summaries, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _services!.DisposeAsync();
        await _sender!.DisposeAsync();
        await _peer.DisposeAsync();
    }

    private async Task<Subscriber> SubscribeAsync(string email, CancellationToken ct)
    {
        var subscriber = new Subscriber(Subscriber.IdFor(email), email, "Reader", ["health"], "en", "* * * * *", "UTC",
            SubscriberState.Active, DateTimeOffset.UtcNow.AddDays(-1));
        await Get<ISubscriberStore>().UpsertAsync(subscriber, ct);
        return subscriber;
    }

    private async Task<int> BouncesAsync(Subscriber subscriber, CancellationToken ct) =>
        (await Get<IDeliveryLedger>().GetProgressAsync(subscriber.Id, ct)).BounceCount;

    private static DateTimeOffset Period(int minutesAgo) =>
        new DateTimeOffset(DateTimeOffset.UtcNow.UtcTicks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(-minutesAgo);

    [Fact]
    public async Task Three_permanent_rejections_mark_the_subscriber_bouncing_and_nothing_more_is_planned_or_sent()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await SubscribeAsync("gone.away@example.org", ct);
        _peer.RejectRecipient(subscriber.Email);
        var sender = Get<DigestSender>();

        for (var bounce = 1; bounce <= 3; bounce++)
        {
            var state = await sender.DeliverAsync(new DigestRequest(subscriber.Id, Period(minutesAgo: 10 - bounce)), ct);

            state.ShouldBe(DeliveryState.FailedPermanently);
            (await BouncesAsync(subscriber, ct)).ShouldBe(bounce);
            (await Get<ISubscriberStore>().GetAsync(subscriber.Id, ct))!.State.ShouldBe(bounce < 3 ? SubscriberState.Active : SubscriberState.Bouncing);
            if (bounce == 1)
            {
                // The same delivery again (the queue retrying its message) is done: not sent, not counted again.
                (await sender.DeliverAsync(new DigestRequest(subscriber.Id, Period(minutesAgo: 9)), ct)).ShouldBe(DeliveryState.FailedPermanently);
                (await BouncesAsync(subscriber, ct)).ShouldBe(1);
                _peer.TransactionsStarted.ShouldBe(1);
            }
        }

        var deliveries = new List<Delivery>();
        await foreach (var delivery in Get<IDeliveryLedger>().ListRecentAsync(50, ct))
            deliveries.Add(delivery);
        deliveries.Where(d => d.SubscriberId == subscriber.Id).Select(d => d.State).ShouldBe(Enumerable.Repeat(DeliveryState.FailedPermanently, 3));

        var planned = await Get<PlanDigestsHandler>().PlanNowAsync(DateTimeOffset.UtcNow, new HashSet<string> { subscriber.Id }, ct);
        planned.ShouldBe(0);
        // A digest queued before the subscriber turned bouncing is not sent either.
        (await sender.DeliverAsync(new DigestRequest(subscriber.Id, Period(minutesAgo: 0)), ct)).ShouldBe(DeliveryState.SkippedEmpty);
        _peer.TransactionsStarted.ShouldBe(3);
        _peer.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_delivered_digest_resets_the_bounce_count()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await SubscribeAsync("mailbox.full@example.org", ct);
        var sender = Get<DigestSender>();
        _peer.RejectRecipient(subscriber.Email);
        await sender.DeliverAsync(new DigestRequest(subscriber.Id, Period(minutesAgo: 20)), ct);
        await sender.DeliverAsync(new DigestRequest(subscriber.Id, Period(minutesAgo: 19)), ct);
        (await BouncesAsync(subscriber, ct)).ShouldBe(2);

        _peer.AcceptRecipient(subscriber.Email);
        var state = await sender.DeliverAsync(new DigestRequest(subscriber.Id, Period(minutesAgo: 18)), ct);

        state.ShouldBe(DeliveryState.Sent);
        _peer.Messages.ShouldHaveSingleItem().Recipients.ShouldBe([subscriber.Email]);
        (await BouncesAsync(subscriber, ct)).ShouldBe(0);
        (await Get<ISubscriberStore>().GetAsync(subscriber.Id, ct))!.State.ShouldBe(SubscriberState.Active);
    }
}
