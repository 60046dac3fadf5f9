using System.Globalization;
using DigestPipeline.Core.Digests;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Schedules;

public sealed class Digest_below_the_minimum_is_skipped_and_its_items_wait
{
    [Fact]
    public async Task Nothing_then_one_item_are_skipped_and_the_second_item_sends_both()
    {
        var world = new DigestWorld(DateTimeOffset.Parse("2025-05-05T00:00Z", CultureInfo.InvariantCulture), options => options.MinimumItems = 2);
        await world.SubscribeAsync("patient@example.org", "0 7 * * *", "UTC");

        await world.RunAsync(TimeSpan.FromDays(1));
        await world.PublishAsync("first", "health");
        await world.RunAsync(TimeSpan.FromDays(1));
        world.Mail.Sent.ShouldBeEmpty();

        await world.PublishAsync("second", "health");
        await world.RunAsync(TimeSpan.FromDays(1));

        world.Ledger.Rows.OrderBy(d => d.Period).Select(d => d.State)
            .ShouldBe([DeliveryState.SkippedEmpty, DeliveryState.SkippedEmpty, DeliveryState.Sent]);
        DigestWorld.DocumentsIn(world.Mail.Sent.ShouldHaveSingleItem(), "first", "second").ShouldBe(["first", "second"]);
    }

    [Fact]
    public async Task With_the_default_minimum_an_empty_period_sends_nothing()
    {
        var world = new DigestWorld(DateTimeOffset.Parse("2025-05-05T00:00Z", CultureInfo.InvariantCulture));
        await world.SubscribeAsync("quiet@example.org", "0 7 * * *", "UTC", "health");
        await world.PublishAsync("elsewhere", "cybersecurity");

        await world.RunAsync(TimeSpan.FromDays(1));

        world.Mail.Sent.ShouldBeEmpty();
        world.Ledger.Rows.ShouldHaveSingleItem().State.ShouldBe(DeliveryState.SkippedEmpty);
    }
}
