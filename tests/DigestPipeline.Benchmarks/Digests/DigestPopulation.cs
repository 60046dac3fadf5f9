using System.Globalization;
using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Benchmarks.Digests;

/// <summary>
/// Subscribers for the load harness: half French, half English (each reading both), 1–6 distinct themes each drawn from the taxonomy,
/// display names with accents (or none), six time zones. Deterministic for a given count; produced lazily so that
/// 100,000 of them are never all in memory.
/// </summary>
internal static class DigestPopulation
{
    private static readonly string[] Zones = ["Europe/Paris", "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Tokyo", "UTC"];
    private static readonly string[] Names = ["Élodie Martin", "Zoë O'Brien", "", "Jean-François Lefèvre", "Ana Núñez", "Sam Lee"];

    public static IEnumerable<Subscriber> Create(int count, IReadOnlyList<string> themeIds, DateTimeOffset createdAt)
    {
        var random = new Random(20250505);
        for (var i = 0; i < count; i++)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"reader{i}@example.org");
            var themes = themeIds.OrderBy(_ => random.Next()).Take(1 + random.Next(6)).ToList();
            var language = random.Next(2) == 0 ? "fr" : "en";
            var minute = random.Next(12) * 5;
            // Each reads the other language too, so that digests carry the French and English documents they carried
            // before subscribers chose their reading languages, and the figures stay comparable.
            yield return new Subscriber(Subscriber.IdFor(email), email, Names[random.Next(Names.Length)], themes, language,
                $"{minute} 7 * * *", Zones[random.Next(Zones.Length)], SubscriberState.Active, createdAt) { AlsoReads = [language == "fr" ? "en" : "fr"] };
        }
    }
}
