using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Core.Tests.Schedules.Fakes;
using DigestPipeline.Core.Tests.Subscribers;
using DigestPipeline.Core.Tests.Themes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Subscriptions;

public sealed class A_sign_up_never_undoes_a_confirmation
{
    private const string Email = "ada@example.org";
    private readonly ManualTime _time = new(TokenSamples.Now);
    private readonly RecordingMailSender _mail = new();

    [Fact]
    public async Task A_confirmation_landing_between_the_sign_ups_read_and_write_stays_confirmed()
    {
        var store = new ConfirmedAfterRead();
        await store.UpsertAsync(Pending("Ada"), CancellationToken.None);

        await Handler(store).SubscribeAsync(Request("Ada L."), CancellationToken.None);

        var stored = await store.GetAsync(Subscriber.IdFor(Email), CancellationToken.None);
        stored!.State.ShouldBe(SubscriberState.Active);
        stored.Themes.ShouldBe(["health"]);
        _mail.Sent.Single().Subject.ShouldBe("You are already subscribed to the digest");
    }

    [Fact]
    public async Task Signing_up_again_while_pending_takes_the_new_settings_and_name()
    {
        var store = new InMemorySubscriberStore();
        await store.UpsertAsync(Pending("Ada"), CancellationToken.None);

        await Handler(store).SubscribeAsync(Request("Ada L."), CancellationToken.None);

        var stored = await store.GetAsync(Subscriber.IdFor(Email), CancellationToken.None);
        stored!.State.ShouldBe(SubscriberState.Pending);
        stored.DisplayName.ShouldBe("Ada L.");
        stored.Themes.ShouldBe(["energy-compute"]);
        stored.CreatedAt.ShouldBe(TokenSamples.Now.AddDays(-1));
        _mail.Sent.Single().Subject.ShouldBe("Confirm your digest subscription");
    }

    private SubscribeHandler Handler(ISubscriberStore store) => new(
        store,
        ThemeSamples.SeedTaxonomy(),
        new SubscriptionMail(TokenSamples.Links(_time), Options.Create(new DigestOptions()), _time),
        _mail,
        new ConfirmationRateLimiter(new InMemoryConfirmationCounter(), Options.Create(TokenSamples.Options()), _time),
        _time,
        NullLogger<SubscribeHandler>.Instance);

    private static SubscribeRequest Request(string name) =>
        new(Email, name, ["energy-compute"], "en", ScheduleChoice.Daily(new TimeOnly(7, 0), "Europe/Paris"), "127.0.0.1");

    private static Subscriber Pending(string name) => new(
        Subscriber.IdFor(Email), Email, name, ["health"], "en", "0 7 * * *", "Europe/Paris", SubscriberState.Pending, TokenSamples.Now.AddDays(-1));

    /// <summary>The confirmation link is followed just after the sign-up has read the row, before it writes.</summary>
    private sealed class ConfirmedAfterRead : ISubscriberStore
    {
        private readonly InMemorySubscriberStore _rows = new();

        public async Task<Subscriber?> GetAsync(string subscriberId, CancellationToken cancellationToken)
        {
            var read = await _rows.GetAsync(subscriberId, cancellationToken);
            await _rows.ChangeSettingsAsync(subscriberId, s => s with { State = SubscriberState.Active }, cancellationToken);
            return read;
        }

        public Task UpsertAsync(Subscriber subscriber, CancellationToken cancellationToken) => _rows.UpsertAsync(subscriber, cancellationToken);

        public IAsyncEnumerable<Subscriber> ListActiveAsync(CancellationToken cancellationToken) => _rows.ListActiveAsync(cancellationToken);

        public IAsyncEnumerable<Subscriber> ListAllAsync(CancellationToken cancellationToken) => _rows.ListAllAsync(cancellationToken);

        public Task<Subscriber?> ChangeSettingsAsync(string subscriberId, Func<Subscriber, Subscriber?> change, CancellationToken cancellationToken) =>
            _rows.ChangeSettingsAsync(subscriberId, change, cancellationToken);
    }
}
