using System.Globalization;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Schedules;

public sealed class Downtime_gives_one_catch_up_digest
{
    private static readonly DateTimeOffset Monday = DateTimeOffset.Parse("2025-05-05T00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Three_days_down_then_one_digest_with_everything_missed()
    {
        var world = new DigestWorld(Monday);
        await world.SubscribeAsync("daily@example.org", "0 7 * * *", "Europe/Paris", "health");
        await world.PublishAsync("before", "health");
        await world.RunAsync(TimeSpan.FromDays(1));

        // The planner is down for three days (three 07:00 occurrences missed); documents keep arriving.
        foreach (var document in new[] { "down1", "down2", "down3" })
        {
            await world.PublishAsync(document, "health");
            world.Clock.Advance(TimeSpan.FromDays(1));
        }

        await world.RunAsync(DigestWorld.PlanningTick);
        await world.RunAsync(TimeSpan.FromHours(4)); // up to Friday 04:05 UTC, before Friday's own 07:00 in Paris

        world.Mail.Sent.Count.ShouldBe(2);
        var catchUp = world.Mail.Sent[1];
        DigestWorld.DocumentsIn(catchUp, "before", "down1", "down2", "down3").ShouldBe(["down1", "down2", "down3"]);
        // Planned for the latest missed occurrence only: Thursday 07:00 in Paris (05:00 UTC).
        world.Planned.Select(request => request.Period).ShouldBe([Monday.AddHours(5), Monday.AddDays(3).AddHours(5)]);
    }

    [Fact]
    public async Task After_longer_than_the_window_the_digest_carries_only_the_window()
    {
        var world = new DigestWorld(Monday, options => options.CatchUpWindow = TimeSpan.FromDays(3));
        await world.SubscribeAsync("away@example.org", "0 7 * * *", "UTC", "health");
        await world.RunAsync(TimeSpan.FromDays(1));

        await world.PublishAsync("stale", "health");
        world.Clock.Advance(TimeSpan.FromDays(5));
        await world.PublishAsync("recent", "health");
        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.RunAsync(DigestWorld.PlanningTick);

        DigestWorld.DocumentsIn(world.Mail.Sent.ShouldHaveSingleItem(), "stale", "recent").ShouldBe(["recent"]);
        world.Planned.Count.ShouldBe(2);
    }
}
