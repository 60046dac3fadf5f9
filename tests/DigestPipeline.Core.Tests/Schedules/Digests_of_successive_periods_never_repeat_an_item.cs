using System.Globalization;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Pipeline;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Schedules;

/// <summary>
/// A backlog, a retried failure or an SMTP outage can leave one period's digest unsent when the next period comes.
/// The next one must neither repeat its items while it is in flight, nor have them repeated by it afterwards.
/// </summary>
public sealed class Digests_of_successive_periods_never_repeat_an_item
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2025-05-05T07:00Z", CultureInfo.InvariantCulture);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_next_period_waits_for_the_digest_in_flight_then_carries_only_what_is_new()
    {
        var world = new DigestWorld(Start);
        var subscriber = await world.SubscribeAsync("backlog@example.org", "* * * * *", "UTC", "health");
        await world.PublishAsync("alpha", "health");
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        var first = (await world.Ledger.ClaimAsync(Claimed(subscriber.Id, world.Now, "first@test"), None)).Delivery;

        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.PublishAsync("bravo", "health");
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        var next = new DigestRequest(subscriber.Id, world.Now);
        await Should.ThrowAsync<DeliveryInProgressException>(() => world.Sender.DeliverAsync(next, None));
        world.Mail.Sent.ShouldBeEmpty();

        // The first digest's worker finishes, as DigestSender does: sent, with the "delivered up to" mark.
        await world.Ledger.CompleteAsync(first.Sent(itemCount: 1, world.Now), lastRead: null, None);

        (await world.Sender.DeliverAsync(next, None)).ShouldBe(DeliveryState.Sent);
        DigestWorld.DocumentsIn(world.Mail.Sent.ShouldHaveSingleItem(), "alpha", "bravo").ShouldBe(["bravo"]);
    }

    [Fact]
    public async Task An_earlier_digest_retried_after_a_later_one_was_sent_is_skipped()
    {
        var world = new DigestWorld(Start);
        var subscriber = await world.SubscribeAsync("retry@example.org", "* * * * *", "UTC", "health");
        await world.PublishAsync("alpha", "health");
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        var earlier = (await world.Ledger.ClaimAsync(Claimed(subscriber.Id, world.Now, "earlier@test"), None)).Delivery;
        // Its send failed before the server took it: released, its queue message to be retried later.
        await world.Ledger.ReleaseAsync(earlier.Released(world.Now), None);

        world.Clock.Advance(TimeSpan.FromMinutes(5));
        (await world.Sender.DeliverAsync(new DigestRequest(subscriber.Id, world.Now), None)).ShouldBe(DeliveryState.Sent);
        DigestWorld.DocumentsIn(world.Mail.Sent.ShouldHaveSingleItem(), "alpha").ShouldBe(["alpha"]);

        world.Clock.Advance(TimeSpan.FromMinutes(1));
        (await world.Sender.DeliverAsync(new DigestRequest(subscriber.Id, earlier.Period), None)).ShouldBe(DeliveryState.SkippedEmpty);
        world.Mail.Sent.Count.ShouldBe(1);
    }

    private static Delivery Claimed(string subscriberId, DateTimeOffset period, string messageId) =>
        new(subscriberId, period, DeliveryState.Claimed, period, period.AddDays(-7), period, messageId);
}
