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
    public async Task A_crash_between_sent_and_the_delivered_mark_does_not_repeat_the_items()
    {
        var world = new DigestWorld(Monday);
        await world.SubscribeAsync("crash@example.org", "0 7 * * *", "UTC", "health");
        await world.PublishAsync("alpha", "health");
        world.Subscribers.FailNextMarkDelivered = true;

        // The 07:00 digest is sent, then the worker dies before recording what it covered; the queue retries it.
        await Should.ThrowAsync<AggregateException>(() => world.RunAsync(TimeSpan.FromDays(1)));
        await world.RunAsync(TimeSpan.FromDays(1));
        await world.PublishAsync("bravo", "health");
        await world.RunAsync(TimeSpan.FromDays(1));

        world.Mail.Sent.Count.ShouldBe(2);
        DigestWorld.DocumentsIn(world.Mail.Sent[0], "alpha", "bravo").ShouldBe(["alpha"]);
        DigestWorld.DocumentsIn(world.Mail.Sent[1], "alpha", "bravo").ShouldBe(["bravo"]);
    }
}
