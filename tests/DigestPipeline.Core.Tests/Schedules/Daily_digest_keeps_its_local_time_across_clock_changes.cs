using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Schedules;

public sealed class Daily_digest_keeps_its_local_time_across_clock_changes
{
    /// <summary>
    /// Four days around a clock change, a document each day, the timer every 5 minutes: one digest a day, sent at
    /// 07:00 local time every day, which is a different UTC hour after the change.
    /// </summary>
    [Theory]
    [InlineData("Europe/Paris", "2025-03-28", "2025-03-29T06:00Z", "2025-03-30T05:00Z")] // spring forward, Sunday 30 March
    [InlineData("Europe/Paris", "2025-10-24", "2025-10-25T05:00Z", "2025-10-26T06:00Z")] // fall back, Sunday 26 October
    [InlineData("America/New_York", "2025-03-07", "2025-03-08T12:00Z", "2025-03-09T11:00Z")] // spring forward, Sunday 9 March
    [InlineData("America/New_York", "2025-10-31", "2025-11-01T11:00Z", "2025-11-02T12:00Z")] // fall back, Sunday 2 November
    public async Task Sent_at_seven_local_on_both_sides(string zone, string startDay, string dayBefore, string dayOfChange)
    {
        var world = new DigestWorld(DateTimeOffset.Parse(startDay + "T00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await world.SubscribeAsync("daily@example.org", "0 7 * * *", zone);

        for (var day = 0; day < 4; day++)
        {
            await world.PublishAsync($"doc{day}", "health");
            await world.RunAsync(TimeSpan.FromDays(1));
        }

        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        world.Mail.Sent.Count.ShouldBe(4);
        world.Mail.Sent.ShouldAllBe(mail => TimeZoneInfo.ConvertTime(mail.Date, tz).TimeOfDay == TimeSpan.FromHours(7));
        world.Mail.Sent.Select(mail => TimeZoneInfo.ConvertTime(mail.Date, tz).Date).Distinct().Count().ShouldBe(4);
        world.Mail.Sent.Select(mail => mail.Date).ShouldContain(DateTimeOffset.Parse(dayBefore, System.Globalization.CultureInfo.InvariantCulture));
        world.Mail.Sent.Select(mail => mail.Date).ShouldContain(DateTimeOffset.Parse(dayOfChange, System.Globalization.CultureInfo.InvariantCulture));
    }
}
