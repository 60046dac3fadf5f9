using System.Globalization;
using DigestPipeline.Core.Subscribers;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Schedules;

public sealed class Weekly_digest_goes_on_its_chosen_day
{
    [Fact]
    public async Task Wednesday_evening_in_Tokyo_carries_the_week()
    {
        // Saturday 1 March 2025, midnight UTC.
        var world = new DigestWorld(DateTimeOffset.Parse("2025-03-01T00:00Z", CultureInfo.InvariantCulture));
        var (cron, zone) = ScheduleChoice.Weekly(DayOfWeek.Wednesday, new TimeOnly(18, 30), "Asia/Tokyo").ToStored();
        await world.SubscribeAsync("weekly@example.org", cron, zone);

        var documents = Enumerable.Range(0, 14).Select(day => $"day{day:D2}").ToArray();
        foreach (var document in documents)
        {
            await world.PublishAsync(document, "health");
            await world.RunAsync(TimeSpan.FromDays(1));
        }

        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        world.Mail.Sent.Count.ShouldBe(2);
        world.Mail.Sent.Select(mail => TimeZoneInfo.ConvertTime(mail.Date, tokyo).DateTime)
            .ShouldBe([new DateTime(2025, 3, 5, 18, 30, 0), new DateTime(2025, 3, 12, 18, 30, 0)]);
        // Wednesday 18:30 in Tokyo is 09:30 UTC: the first digest has Saturday to Wednesday's documents, the second the next week's.
        DigestWorld.DocumentsIn(world.Mail.Sent[0], documents).ShouldBe(["day00", "day01", "day02", "day03", "day04"]);
        // Seven new documents that week, five per theme at most: the newest five.
        DigestWorld.DocumentsIn(world.Mail.Sent[1], documents).ShouldBe(["day07", "day08", "day09", "day10", "day11"]);
    }
}
