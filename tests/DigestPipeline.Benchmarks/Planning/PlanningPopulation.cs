using System.Globalization;
using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Benchmarks.Planning;

/// <summary>
/// Subscribers as a real list might have them: six time zones, send times from 05:00 to 09:55 local in 5-minute
/// steps, 70 % daily, 20 % weekly on a day, 10 % a weekday cron. Deterministic for a given count.
/// </summary>
internal static class PlanningPopulation
{
    private static readonly string[] Zones = ["Europe/Paris", "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Tokyo", "UTC"];

    public static IEnumerable<Subscriber> Create(int count, DateTimeOffset createdAt)
    {
        var random = new Random(20250505);
        for (var i = 0; i < count; i++)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"subscriber{i}@example.org");
            var minute = random.Next(12) * 5;
            var hour = 5 + random.Next(5);
            var kind = random.Next(10);
            var cron = kind < 7 ? $"{minute} {hour} * * *"
                : kind < 9 ? $"{minute} {hour} * * {random.Next(7)}"
                : $"{minute} {hour} * * 1-5";
            yield return new Subscriber(Subscriber.IdFor(email), email, "", ["health", "energy-compute"], "en", cron,
                Zones[random.Next(Zones.Length)], SubscriberState.Active, createdAt);
        }
    }
}
