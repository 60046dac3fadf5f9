using System.Globalization;
using DigestPipeline.Core.Subscribers;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Schedules;

/// <summary>
/// The rule the README states: a local time the clocks skip is sent at the moment they jump (the first instant
/// after the gap); a local time that happens twice is sent once, at its first occurrence (still on summer time).
/// </summary>
public sealed class Nonexistent_and_ambiguous_local_times
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    // Paris jumps from 02:00 CET to 03:00 CEST at 01:00 UTC; New York from 02:00 EST to 03:00 EDT at 07:00 UTC.
    [InlineData("30 2 * * *", "Europe/Paris", "2025-03-29T12:00Z", "2025-03-30T01:00Z", "2025-03-31T00:30Z")]
    [InlineData("30 2 * * *", "America/New_York", "2025-03-08T12:00Z", "2025-03-09T07:00Z", "2025-03-10T06:30Z")]
    public void A_skipped_local_time_is_sent_when_the_clocks_jump(string cron, string zone, string from, string onTheDay, string nextDay)
    {
        var schedule = DigestSchedule.Parse(cron, zone);

        var first = schedule.Next(Utc(from))!.Value;
        first.ShouldBe(Utc(onTheDay));
        schedule.Next(first).ShouldBe(Utc(nextDay));
    }

    [Theory]
    // Paris goes back from 03:00 CEST to 02:00 CET at 01:00 UTC, so 02:30 is 00:30 UTC and again 01:30 UTC.
    [InlineData("30 2 * * *", "Europe/Paris", "2025-10-25T12:00Z", "2025-10-26T00:30Z", "2025-10-27T01:30Z")]
    // New York goes back from 02:00 EDT to 01:00 EST at 06:00 UTC, so 01:30 is 05:30 UTC and again 06:30 UTC.
    [InlineData("30 1 * * *", "America/New_York", "2025-11-01T12:00Z", "2025-11-02T05:30Z", "2025-11-03T06:30Z")]
    public void A_repeated_local_time_is_sent_once_at_its_first_occurrence(string cron, string zone, string from, string onTheDay, string nextDay)
    {
        var schedule = DigestSchedule.Parse(cron, zone);

        var first = schedule.Next(Utc(from))!.Value;
        first.ShouldBe(Utc(onTheDay));
        schedule.Next(first).ShouldBe(Utc(nextDay));
    }

    [Theory]
    [InlineData("2025-03-29T12:00Z", "2025-03-30T01:00Z")]
    [InlineData("2025-10-25T12:00Z", "2025-10-26T00:30Z")]
    public async Task The_planner_sends_one_digest_on_the_change_day_at_that_instant(string start, string expected)
    {
        var world = new DigestWorld(Utc(start));
        await world.SubscribeAsync("night@example.org", "30 2 * * *", "Europe/Paris");
        await world.PublishAsync("night", "health");

        await world.RunAsync(TimeSpan.FromDays(1));

        world.Planned.ShouldHaveSingleItem().Period.ShouldBe(Utc(expected));
        world.Mail.Sent.ShouldHaveSingleItem().Date.ShouldBe(Utc(expected));
    }
}
