using System.Globalization;
using DigestPipeline.Core.Digests;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Schedules;

/// <summary>
/// Storage goes away after a digest was claimed and before it was sent: the send fails, and so does giving the claim
/// back. When storage returns, the retry in the same process sends the digest at once, with its Message-ID, instead
/// of waiting <see cref="DigestOptions.ClaimTimeout"/> (10 minutes) as if another worker still held the claim.
/// </summary>
public sealed class A_claim_abandoned_in_an_outage_is_taken_back_at_once
{
    private static readonly DateTimeOffset Monday = DateTimeOffset.Parse("2025-05-05T06:58Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_retry_after_storage_returns_sends_without_waiting_for_the_claim_to_time_out()
    {
        var world = new DigestWorld(Monday, o => o.ClaimTimeout = TimeSpan.FromMinutes(10));
        await world.SubscribeAsync("outage@example.org", "0 7 * * *", "UTC", "health");
        await world.PublishAsync("alpha", "health");
        world.Clock.Advance(TimeSpan.FromMinutes(3));
        await world.Planner.RunAsync(world.Now, CancellationToken.None);

        world.Archive.Unreachable = true;
        world.Ledger.Unreachable = true;
        (await Should.ThrowAsync<AggregateException>(world.DeliverQueuedAsync)).InnerExceptions.ShouldHaveSingleItem().ShouldBeOfType<IOException>();
        var claimed = world.Ledger.Rows.ShouldHaveSingleItem();
        claimed.State.ShouldBe(DeliveryState.Claimed, "the claim could not be given back");

        world.Archive.Unreachable = false;
        world.Ledger.Unreachable = false;
        world.Clock.Advance(TimeSpan.FromSeconds(30));
        await world.DeliverQueuedAsync();

        world.Queue.Delayed.ShouldBeEmpty("nothing waits for the claim to time out");
        var sent = world.Mail.Sent.ShouldHaveSingleItem();
        sent.MessageId.ShouldBe(claimed.MessageId);
        world.Ledger.Rows.ShouldHaveSingleItem().State.ShouldBe(DeliveryState.Sent);
    }
}
