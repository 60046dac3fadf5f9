using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Schedules.Fakes;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace DigestPipeline.Core.Tests.Digests;

/// <summary>
/// A digest batch's subscribers are collected together: each theme queried once for the batch and read only as deep
/// as its digests show, each document's summaries read once, and every digest exactly what collecting it alone gives.
/// </summary>
public sealed class A_batch_is_collected_with_shared_reads_and_gives_the_same_digests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 5, 7, 0, 0, TimeSpan.Zero);
    private static readonly string[] Themes = ["health", "energy-compute", "cybersecurity", "education-skills", "physical-ai"];

    [Fact]
    public async Task Every_digest_of_a_generated_account_is_the_same_byte_for_byte_with_each_theme_and_document_read_once()
    {
        var index = new CountingThemeIndex();
        var summaries = new CountingSummaryStore();
        var random = new Random(20251206);
        var documents = new List<DocumentSummaries>();
        for (var d = 0; d < 120; d++)
        {
            // Two or three themes each, summarized over the last 10 days, some within the same second.
            var themes = Themes.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).ToArray();
            var at = Now.AddSeconds(-random.Next(0, 10 * 24 * 3600));
            // Mostly French and English, some German, a few undetected: every reader leaves some out.
            var language = (d % 12) switch { 0 or 3 or 6 or 9 => "fr", 4 or 8 => "de", 11 => "unknown", _ => "en" };
            var document = new DocumentSummaries($"doc-{d:000}", $"doc-{d:000}.txt", $"Document {d}", language, at,
                themes.Select(theme => new ThemedSummary(theme, new Dictionary<string, string> { ["en"] = theme }, false, random.NextDouble(),
                    [new SummarySentence($"doc-{d:000}", 0, "", 0, 30, $"Finding {d} on {theme} was reported.", 1.0)], [])).ToList());
            documents.Add(document);
            await summaries.Inner.SaveAsync(document, CancellationToken.None);
            await index.Inner.AddAsync(document, CancellationToken.None);
        }

        var windows = Enumerable.Range(0, 100).Select(i =>
        {
            var subscriber = new Subscriber($"s{i:000}", $"s{i}@example.org", "", Themes.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray(),
                i % 2 == 0 ? "fr" : "en", "0 7 * * *", "UTC", SubscriberState.Active, Now.AddDays(-30))
            {
                // A third read their digest language only, the others one or two more: their digests differ in what they leave out and label.
                AlsoReads = (i % 3) switch { 0 => [], 1 => ["fr", "en"], _ => ["de"] },
            };
            // Most had their last digest a day ago (to the second, as claims are), some a week, a few never.
            var after = (i % 10) switch { 0 => Now.AddDays(-14), 1 => Now.AddDays(-7), _ => Now.AddDays(-1).AddSeconds(-random.Next(0, 60)) };
            return new DigestWindow(subscriber, Now, after, Now.AddSeconds(-random.Next(0, 5)));
        }).ToList();
        var collector = new DigestContentCollector(index, summaries, ThemeSamples.SeedTaxonomy(), OptionsFactory.Create(new DigestOptions()));
        var composer = DigestSamples.Composer();

        var alone = new List<ComposedDigest>();
        foreach (var window in windows)
            alone.Add(composer.Compose(await collector.CollectAsync(window.Subscriber, window.Period, window.After, window.UpTo, CancellationToken.None), window.Subscriber.Id));
        var (queriesAlone, readsAlone) = (index.Queries, summaries.Reads);
        index.Queries = summaries.Reads = index.EntriesRead = 0;

        var together = (await collector.CollectAsync(windows, CancellationToken.None)).Select((content, i) => composer.Compose(content, windows[i].Subscriber.Id)).ToList();

        together.Select(d => (d.Subject, d.Html, d.Text)).ShouldBe(alone.Select(d => (d.Subject, d.Html, d.Text)));
        alone.Sum(d => d.Text.Length).ShouldBeGreaterThan(100 * 200, "the digests carry items");
        alone.Count(d => d.Text.Contains("(in German)", StringComparison.Ordinal) || d.Text.Contains("(en allemand)", StringComparison.Ordinal))
            .ShouldBeGreaterThan(10, "readers of German get labelled items");
        index.Queries.ShouldBe(Themes.Length);
        summaries.Reads.ShouldBeLessThanOrEqualTo(120);
        queriesAlone.ShouldBeGreaterThan(100);
        readsAlone.ShouldBeGreaterThan(summaries.Reads * 3);
        // Each theme read newest first only as deep as the batch shows: down to where its last digest has its 5 items
        // in languages its subscriber reads (or the entries pass its window's start), far fewer than its window's.
        index.EntriesRead.ShouldBe(Themes.Sum(theme => DepthShown(theme, documents, windows)));
        index.EntriesRead.ShouldBeLessThan(documents.Sum(d => d.Themes.Count) / 2);
    }

    /// <summary>
    /// How many of a theme's entries, newest first (same instant: descending id), the digests following it need: up to
    /// the one after which each has <see cref="DigestOptions.MaxItemsPerTheme"/> items it shows, or is past its start.
    /// </summary>
    private static int DepthShown(string theme, List<DocumentSummaries> documents, List<DigestWindow> windows)
    {
        var settings = new DigestOptions();
        var following = windows.Where(w => w.Subscriber.Themes.Contains(theme))
            .Select(w => (w.Subscriber, From: w.After < w.UpTo - settings.CatchUpWindow ? w.UpTo - settings.CatchUpWindow : w.After, w.UpTo))
            .Where(w => w.From < w.UpTo)
            .ToList();
        var entries = documents.Where(d => d.Themes.Any(t => t.ThemeId == theme))
            .Where(d => d.SummarizedAt > following.Min(w => w.From) && d.SummarizedAt <= following.Max(w => w.UpTo))
            .OrderByDescending(d => d.SummarizedAt).ThenByDescending(d => d.DocumentId, StringComparer.Ordinal)
            .ToList();
        var shown = new int[following.Count];
        for (var read = 0; read < entries.Count; read++)
        {
            var entry = entries[read];
            for (var i = 0; i < following.Count; i++)
            {
                var (subscriber, from, upTo) = following[i];
                var reads = entry.Language == "unknown" || subscriber.Reads(entry.Language);
                if (shown[i] < settings.MaxItemsPerTheme && entry.SummarizedAt > from && entry.SummarizedAt <= upTo && reads)
                    shown[i]++;
            }

            if (following.Select((w, i) => shown[i] >= settings.MaxItemsPerTheme || entry.SummarizedAt <= w.From).All(done => done))
                return read + 1;
        }

        return entries.Count;
    }

    private sealed class CountingSummaryStore : ISummaryStore
    {
        public InMemorySummaryStore Inner { get; } = new();
        public int Reads { get; set; }

        public Task SaveAsync(DocumentSummaries summaries, CancellationToken cancellationToken) => Inner.SaveAsync(summaries, cancellationToken);

        public Task<DocumentSummaries?> GetAsync(string documentId, CancellationToken cancellationToken)
        {
            Reads++;
            return Inner.GetAsync(documentId, cancellationToken);
        }

        public Task DeleteAsync(string documentId, CancellationToken cancellationToken) => Inner.DeleteAsync(documentId, cancellationToken);

        public IAsyncEnumerable<string> ListDocumentIdsAsync(CancellationToken cancellationToken) => Inner.ListDocumentIdsAsync(cancellationToken);
    }
}
