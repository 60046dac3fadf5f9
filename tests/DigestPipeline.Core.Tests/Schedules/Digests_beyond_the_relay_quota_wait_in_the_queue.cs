using System.Globalization;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Pipeline;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Schedules;

/// <summary>
/// The mail relay's shared quota is taken for the next 20 minutes (Mail:Smtp:QuotaPerMinute, another instance's
/// backlog): the digests of a batch are not failed, retried or poisoned; their claims are given back and the batch
/// goes back to the queue, invisible until the quota has room, then each digest is sent once.
/// </summary>
public sealed class Digests_beyond_the_relay_quota_wait_in_the_queue
{
    private static readonly DateTimeOffset Monday = DateTimeOffset.Parse("2025-05-05T06:58Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_batch_is_queued_again_for_when_the_quota_has_room_and_then_sent_once()
    {
        var world = new DigestWorld(Monday);
        foreach (var name in new[] { "ana", "bo", "cy" })
            await world.SubscribeAsync($"{name}@example.org", "0 7 * * *", "UTC", "health");
        await world.PublishAsync("alpha", "health");
        world.Clock.Advance(TimeSpan.FromMinutes(3));
        await world.Planner.RunAsync(world.Now, CancellationToken.None);

        var freeAt = world.Now.AddMinutes(20);
        world.Mail.QuotaTakenUntil = freeAt;
        await world.DeliverQueuedAsync(); // no exception: not a failure

        world.Mail.Sent.ShouldBeEmpty();
        world.Ledger.Rows.ShouldAllBe(d => d.State == DeliveryState.Released, "no claim is left to time out");
        var requeued = world.Queue.Delayed.ShouldHaveSingleItem();
        requeued.Delay.ShouldBe(freeAt - world.Now);
        requeued.Message.ShouldBeOfType<DigestBatchMessage>().Requests.Count.ShouldBe(3);

        world.Mail.QuotaTakenUntil = null;
        world.Clock.Advance(requeued.Delay);
        world.Queue.ReleaseDelayed();
        await world.DeliverQueuedAsync();

        world.Mail.Sent.Select(m => m.To.Address).Order().ShouldBe(["ana@example.org", "bo@example.org", "cy@example.org"]);
        world.Ledger.Rows.ShouldAllBe(d => d.State == DeliveryState.Sent);
        world.Queue.Delayed.ShouldBeEmpty();
    }
}
