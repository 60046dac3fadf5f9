using System.Globalization;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Schedules;

public sealed class Cron_schedule_is_read_in_the_subscriber_zone
{
    [Fact]
    public async Task Weekdays_at_half_past_eight_in_New_York()
    {
        // Saturday 8 March 2025; New York moves to summer time on Sunday 9 March.
        var world = new DigestWorld(DateTimeOffset.Parse("2025-03-08T00:00Z", CultureInfo.InvariantCulture));
        await world.SubscribeAsync("weekdays@example.org", "30 8 * * 1-5", "America/New_York");

        for (var day = 0; day < 7; day++)
        {
            await world.PublishAsync($"news{day}", "health");
            await world.RunAsync(TimeSpan.FromDays(1));
        }

        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var local = world.Mail.Sent.Select(mail => TimeZoneInfo.ConvertTime(mail.Date, newYork).DateTime).ToList();
        local.ShouldBe(Enumerable.Range(10, 5).Select(day => new DateTime(2025, 3, day, 8, 30, 0)));
        world.Mail.Sent[0].Date.ShouldBe(DateTimeOffset.Parse("2025-03-10T12:30Z", CultureInfo.InvariantCulture));
    }
}
