using System.Globalization;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Schedules;

public sealed class Item_already_received_is_not_sent_again
{
    private static readonly DateTimeOffset Monday = DateTimeOffset.Parse("2025-05-05T00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_document_summarized_again_stays_out_of_the_next_digest()
    {
        var world = new DigestWorld(Monday);
        await world.SubscribeAsync("reader@example.org", "0 7 * * *", "UTC", "health");
        await world.PublishAsync("alpha", "health");
        await world.RunAsync(TimeSpan.FromDays(1));

        // The same document summarized and indexed again (a retry, or a re-run), and a new one.
        await world.PublishAsync("alpha", "health", "energy-compute");
        await world.PublishAsync("bravo", "health");
        await world.RunAsync(TimeSpan.FromDays(1));

        world.Mail.Sent.Count.ShouldBe(2);
        DigestWorld.DocumentsIn(world.Mail.Sent[0], "alpha", "bravo").ShouldBe(["alpha"]);
        DigestWorld.DocumentsIn(world.Mail.Sent[1], "alpha", "bravo").ShouldBe(["bravo"]);
    }

    [Fact]
    public async Task A_crash_before_the_ledger_records_a_sent_digest_sends_it_once_more_and_the_next_carries_only_what_is_new()
    {
        var world = new DigestWorld(Monday, o => o.ClaimTimeout = TimeSpan.FromMinutes(10));
        await world.SubscribeAsync("crash@example.org", "0 7 * * *", "UTC", "health");
        await world.PublishAsync("alpha", "health");
        world.Ledger.FailNextCompletion = true;

        // The 07:00 digest is sent, then the worker dies before the ledger records it; the queue retries it, which
        // waits for the dead worker's claim to time out, then sends it again: the one case that can deliver twice.
        await Should.ThrowAsync<AggregateException>(() => world.RunAsync(TimeSpan.FromDays(1)));
        for (var minute = 0; minute < 30 && world.Mail.Sent.Count < 2; minute++)
        {
            world.Clock.Advance(TimeSpan.FromMinutes(1));
            world.Queue.ReleaseDelayed();
            await world.DeliverQueuedAsync();
        }

        await world.PublishAsync("bravo", "health");
        await world.RunAsync(TimeSpan.FromDays(2));

        world.Mail.Sent.Count.ShouldBe(3);
        world.Mail.Sent[1].MessageId.ShouldBe(world.Mail.Sent[0].MessageId, "a mail client shows the two copies as one");
        DigestWorld.DocumentsIn(world.Mail.Sent[1], "alpha", "bravo").ShouldBe(["alpha"]);
        DigestWorld.DocumentsIn(world.Mail.Sent[2], "alpha", "bravo").ShouldBe(["bravo"]);
    }
}
