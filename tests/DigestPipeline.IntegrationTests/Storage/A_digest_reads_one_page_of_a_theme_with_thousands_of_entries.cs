using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Themes;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace DigestPipeline.IntegrationTests.Storage;

/// <summary>
/// A theme with far more entries in a digest's window than the digest shows: the digest's query of the ThemeIndex
/// table reads the newest rows first and stops after the page that gave it its items, instead of the whole window.
/// </summary>
public sealed class A_digest_reads_one_page_of_a_theme_with_thousands_of_entries(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Theme = "energy-compute";
    private const int Documents = 2_000;
    private static readonly DateTimeOffset T0 = new(2025, 3, 10, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_thousand_entries_in_the_window_and_five_shown_read_one_page()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.BuildServices();
        await services.GetRequiredService<StorageInitializer>().InitializeAsync(ct);
        var summaries = services.GetRequiredService<ISummaryStore>();
        var index = services.GetRequiredService<IThemeIndex>();
        // One document a minute for 33 hours, every one summarized on the theme.
        await Parallel.ForEachAsync(Enumerable.Range(0, Documents), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (d, token) =>
        {
            var document = Summaries(d);
            await summaries.SaveAsync(document, token);
            await index.AddAsync(document, token);
        });

        var (tables, counter) = TableQueryCounter.Client(azurite.ConnectionString, StorageNames.ThemeIndexTable);
        var options = new DigestOptions();
        var collector = new DigestContentCollector(new TableThemeIndex(tables, NullLogger<TableThemeIndex>.Instance), summaries, new ThemeTaxonomy([]), OptionsFactory.Create(options));
        var subscriber = new Subscriber("sub-1", "a@example.org", "", [Theme], "en", "0 7 * * *", "UTC", SubscriberState.Active, T0.AddDays(-30));

        var content = await collector.CollectAsync(subscriber, T0.AddDays(2), T0.AddMinutes(-1), T0.AddDays(2), ct);

        // The newest five, shown oldest first: what reading the whole window and keeping its end gave.
        content.Themes.ShouldHaveSingleItem().Items.Select(i => i.DocumentId)
            .ShouldBe(Enumerable.Range(Documents - options.MaxItemsPerTheme, options.MaxItemsPerTheme).Select(Id));
        Report("first digest of the process", counter);
        counter.Rows.ShouldBeLessThanOrEqualTo(TableThemeIndex.PageSize, "one page of the newest rows (the process's check for rows of the old keys finds none)");
        counter.Requests.ShouldBe(2, "the check for rows of the old keys, once per theme and process, and one page");

        counter.Reset();
        await collector.CollectAsync(subscriber, T0.AddDays(2), T0.AddMinutes(-1), T0.AddDays(2), ct);
        Report("next digest", counter);
        counter.Requests.ShouldBe(1);
        counter.Rows.ShouldBeLessThanOrEqualTo(TableThemeIndex.PageSize);
    }

    private static void Report(string digest, TableQueryCounter counter) =>
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"ThemeIndex read by the {digest}, showing 5 of {Documents} entries in its window: {counter.Rows} rows in {counter.Requests} query request(s)");

    private static string Id(int d) => $"doc-{d:0000}";

    private static DocumentSummaries Summaries(int d) => new(Id(d), $"{Id(d)}.txt", $"Document {d}", "en", T0.AddMinutes(d),
    [
        new ThemedSummary(Theme, new Dictionary<string, string> { ["en"] = "Energy" }, false, 1,
            [new SummarySentence(Id(d), 0, "", 0, 20, $"Finding {d} was reported.", 1.0)], []),
    ]);
}
