using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Summaries;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Digests;

/// <summary>
/// The collector takes a theme's entries newest first and stops reading once every digest following the theme has
/// its <see cref="DigestOptions.MaxItemsPerTheme"/> items or the entries have passed its window's start; it used to
/// read the whole window, however long, to keep its end.
/// </summary>
public sealed class A_digest_reads_a_theme_newest_first_and_stops_at_what_it_shows
{
    private const string Theme = ThemeAccount.Theme;
    private static readonly DateTimeOffset Now = new(2025, 5, 5, 7, 0, 0, TimeSpan.Zero);

    private readonly ThemeAccount _account = new();

    private DigestContentCollector Collector => _account.Collector();

    [Fact]
    public async Task Of_2000_entries_in_its_window_a_digest_showing_5_reads_the_5_newest()
    {
        for (var i = 0; i < 2000; i++)
            await AddAsync(Document($"doc-{i:0000}", Now.AddMinutes(-i)));

        var content = await CollectAsync(Window(Now.AddDays(-2), Now));

        Shown(content).ShouldBe(["doc-0004", "doc-0003", "doc-0002", "doc-0001", "doc-0000"]);
        _account.Index.EntriesRead.ShouldBe(5);
    }

    [Fact]
    public async Task Entries_whose_summaries_are_missing_or_say_nothing_on_the_theme_are_passed_and_reading_goes_on()
    {
        for (var i = 3; i < 100; i++)
            await AddAsync(Document($"doc-{i:00}", Now.AddMinutes(-i)));
        // The three newest: summaries lost; summarized again without the theme; the theme's summary without a sentence.
        await _account.Index.AddAsync(Document("doc-00", Now), TestContext.Current.CancellationToken);
        await _account.Index.AddAsync(Document("doc-01", Now.AddMinutes(-1)), TestContext.Current.CancellationToken);
        await _account.Summaries.SaveAsync(Document("doc-01", Now.AddMinutes(-1), theme: "energy-compute"), TestContext.Current.CancellationToken);
        var empty = Document("doc-02", Now.AddMinutes(-2));
        await AddAsync(empty with { Themes = [empty.Themes[0] with { Sentences = [] }] });

        var content = await CollectAsync(Window(Now.AddDays(-1), Now));

        Shown(content).ShouldBe(["doc-07", "doc-06", "doc-05", "doc-04", "doc-03"]);
        _account.Index.EntriesRead.ShouldBe(8);
    }

    [Fact]
    public async Task A_batch_reads_a_theme_until_every_digest_following_it_has_its_items()
    {
        for (var hours = 0; hours < 240; hours++)
            await AddAsync(Document($"doc-{hours:000}h", Now.AddHours(-hours)));

        var contents = await Collector.CollectAsync([Window(Now.AddDays(-1), Now), Window(Now.AddDays(-7), Now.AddDays(-3))], TestContext.Current.CancellationToken);

        Shown(contents[0]).ShouldBe(["doc-004h", "doc-003h", "doc-002h", "doc-001h", "doc-000h"]);
        Shown(contents[1]).ShouldBe(["doc-076h", "doc-075h", "doc-074h", "doc-073h", "doc-072h"]);
        // Down to the older digest's fifth, of the 168 entries of the windows' union.
        _account.Index.EntriesRead.ShouldBe(77);
    }

    [Fact]
    public async Task A_digest_whose_window_holds_fewer_than_it_shows_lets_the_read_stop_once_the_entries_pass_its_start()
    {
        for (var hours = 0; hours < 240; hours++)
            await AddAsync(Document($"doc-{hours:000}h", Now.AddHours(-hours)));

        var contents = await Collector.CollectAsync([Window(Now.AddMinutes(-90), Now), Window(Now.AddDays(-7), Now)], TestContext.Current.CancellationToken);

        Shown(contents[0]).ShouldBe(["doc-001h", "doc-000h"]);
        Shown(contents[1]).ShouldBe(["doc-004h", "doc-003h", "doc-002h", "doc-001h", "doc-000h"]);
        _account.Index.EntriesRead.ShouldBe(5);
    }

    private Task AddAsync(DocumentSummaries document) => _account.AddAsync(document);

    private async Task<DigestContent> CollectAsync(DigestWindow window) =>
        (await Collector.CollectAsync([window], TestContext.Current.CancellationToken))[0];

    private static DigestWindow Window(DateTimeOffset after, DateTimeOffset upTo) =>
        new(DigestSamples.Subscriber("en") with { Themes = [Theme] }, Now, after, upTo);

    private static IEnumerable<string> Shown(DigestContent content) => ThemeAccount.Shown(content);

    private static DocumentSummaries Document(string id, DateTimeOffset at, string theme = Theme) => ThemeAccount.Document(id, at, theme: theme);
}
