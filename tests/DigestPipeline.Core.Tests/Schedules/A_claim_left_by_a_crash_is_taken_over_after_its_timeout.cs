using System.Globalization;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Pipeline;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Schedules;

public sealed class A_claim_left_by_a_crash_is_taken_over_after_its_timeout
{
    private static readonly DateTimeOffset Monday = DateTimeOffset.Parse("2025-05-05T06:58Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_request_waits_in_the_queue_until_the_claim_times_out_then_is_sent_with_the_same_message_id()
    {
        var world = new DigestWorld(Monday, o => o.ClaimTimeout = TimeSpan.FromMinutes(10));
        var subscriber = await world.SubscribeAsync("crash@example.org", "0 7 * * *", "UTC", "health");
        await world.PublishAsync("alpha", "health");
        var period = Monday.AddMinutes(2);
        world.Clock.Advance(TimeSpan.FromMinutes(3));

        // A worker claimed this digest a minute ago and died before sending it.
        var crashed = new Delivery(subscriber.Id, period, DeliveryState.Claimed, world.Now.AddMinutes(-1), Monday.AddDays(-7), world.Now.AddMinutes(-1),
            $"digest-{subscriber.Id}-20250505T0700Z@digestpipeline.localhost");
        await world.Ledger.ClaimAsync(crashed, CancellationToken.None);

        await world.Planner.RunAsync(world.Now, CancellationToken.None);
        await world.DeliverQueuedAsync();

        // The message completes each time (no attempt counted towards poison); a copy waits a few seconds in the
        // queue, invisible, and looks again, until the claim has timed out.
        var waited = TimeSpan.Zero;
        while (world.Mail.Sent.Count == 0)
        {
            var (message, delay) = world.Queue.Delayed.ShouldHaveSingleItem();
            delay.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
            message.ShouldBeOfType<DigestBatchMessage>().Requests.ShouldBe([new DigestRequest(subscriber.Id, period)]);
            world.Clock.Advance(delay);
            waited += delay;
            world.Queue.ReleaseDelayed();
            await world.DeliverQueuedAsync();
        }

        waited.ShouldBe(TimeSpan.FromMinutes(9));
        var sent = world.Mail.Sent.ShouldHaveSingleItem();
        sent.MessageId.ShouldBe(crashed.MessageId);
        world.Ledger.Rows.Single(d => d.Id == crashed.Id).State.ShouldBe(DeliveryState.Sent);
        world.Queue.Delayed.ShouldBeEmpty();
    }
}
