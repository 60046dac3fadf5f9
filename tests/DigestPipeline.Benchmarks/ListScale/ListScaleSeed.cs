using Azure.Data.Tables;
using Azure.Storage.Blobs;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Benchmarks.Digests;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Themes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DigestPipeline.Benchmarks.ListScale;

/// <summary>
/// Fills a fresh account through the project's own storage adapters, on clients the run does not count: summarized
/// documents (summaries blob and ThemeIndex rows, as summarize writes them), then subscribers (Subscribers row and due
/// entry, as a confirmation writes them), all on one daily schedule that falls due at the same minute.
/// </summary>
internal static class ListScaleSeed
{
    private const int InFlight = 16;

    /// <summary>
    /// <paramref name="count"/> documents: 50 seed variants really summarised, then copies of them under new ids and
    /// numbered titles, summarised at even steps over the six days before <paramref name="newest"/>, so that every one
    /// is inside a first digest's window; numbered from <paramref name="firstIndex"/>.
    /// </summary>
    public static async Task SeedDocumentsAsync(string connectionString, string root, ThemeTaxonomy taxonomy, int count, DateTimeOffset newest, CancellationToken cancellationToken, int firstIndex = 0)
    {
        var originals = SummaryCorpus.Build(50, root, taxonomy, newest);
        var summaries = new BlobSummaryStore(new BlobServiceClient(connectionString));
        var index = new TableThemeIndex(new TableServiceClient(connectionString), NullLogger<TableThemeIndex>.Instance);
        var step = TimeSpan.FromDays(6) / count;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var original = originals[i % originals.Count];
                var id = $"doc{firstIndex + i:D6}";
                var copy = original with
                {
                    DocumentId = id,
                    SourceName = $"{id}-{original.SourceName}",
                    Title = $"{original.Title} ({firstIndex + i})",
                    SummarizedAt = newest - step * (count - 1 - i),
                    Themes = original.Themes.Select(t => t with { Sentences = t.Sentences.Select(s => s with { DocumentId = id }).ToList() }).ToList(),
                };
                await summaries.SaveAsync(copy, ct);
                await index.AddAsync(copy, ct);
            });
    }

    /// <summary>
    /// <paramref name="count"/> active subscribers (themes, languages and names as <see cref="DigestPopulation"/> makes
    /// them), daily at <paramref name="due"/>'s time of day in UTC, subscribed a day before it; written as of
    /// <paramref name="seededAt"/>, so each is placed in the due index at <paramref name="due"/> however long seeding takes.
    /// </summary>
    public static async Task SeedSubscribersAsync(string connectionString, IReadOnlyList<string> themeIds, int count, DateTimeOffset due, DateTimeOffset seededAt, CancellationToken cancellationToken)
    {
        var tables = new TableServiceClient(connectionString);
        var store = new TableSubscriberStore(tables, new TableDueIndex(tables, NullLogger<TableDueIndex>.Instance), new FakeTimeProvider(seededAt), NullLogger<TableSubscriberStore>.Instance);
        var schedule = $"{due.Minute} {due.Hour} * * *";
        var subscribers = DigestPopulation.Create(count, themeIds, due - TimeSpan.FromDays(1)).Select(s => s with { Schedule = schedule, TimeZone = "UTC" });
        await Parallel.ForEachAsync(subscribers, new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken },
            async (subscriber, ct) => await store.UpsertAsync(subscriber, ct));
    }
}
