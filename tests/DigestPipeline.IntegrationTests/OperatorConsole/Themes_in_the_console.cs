using System.Globalization;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Themes;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Web;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.OperatorConsole;

/// <summary>
/// <c>/console/themes</c> on real Kestrel and Azurite, the host's clock a <see cref="FakeTimeProvider"/>: the seed
/// taxonomy in full, each theme's 30-day chart counted from entries written through <see cref="IThemeIndex"/>, and
/// the documents that matched no theme, written as rows of the Documents table.
/// </summary>
public sealed class Themes_in_the_console(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    /// <summary>Sunday 6 December 2026, 23:30 UTC: the chart's days are 7 November to 6 December.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 23, 30, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private SubscriberPagesHost _host = null!;
    private ConsoleBrowser _browser = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // The documents list's snapshot read afresh for every request: the clock stands still, so it would never age.
        _host = await SubscriberPagesHost.StartAsync(azurite, Cancellation,
            extraSettings: new Dictionary<string, string?> { ["Console:Documents:ListFreshFor"] = "00:00:00" },
            clock: _time);
        _browser = await ConsoleBrowser.LogInAsync(_host, Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        _browser.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Each_themes_chart_has_a_bar_per_day_of_the_last_30_as_high_as_its_count_and_nothing_from_outside()
    {
        var index = _host.Get<IThemeIndex>();
        var firstDay = new DateTimeOffset(2026, 11, 7, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset[] times =
        [
            firstDay.AddTicks(-1),                            // 6 November, the day before: not counted
            firstDay, firstDay.AddHours(12),                  // 7 November, the first day, from its midnight: 2
            new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero),         // 5 December: 1
            new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero), new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero), Now, // today, up to now: 3
            Now.AddTicks(1),                                  // after now: not counted
        ];
        for (var i = 0; i < times.Length; i++)
            await index.AddAsync(Summaries($"doc-chart-{i}", "health", times[i]), Cancellation);

        var page = await _browser.PageAsync("/console/themes", Cancellation);

        var svg = page.QuerySelector("section[data-theme=health] svg").ShouldNotBeNull();
        svg.GetAttribute("role").ShouldBe("img");
        var bars = svg.QuerySelectorAll("rect.dp-bar");
        bars.Length.ShouldBe(30);
        bars.Select(b => b.GetAttribute("data-day")).ShouldBe(Enumerable.Range(0, 30).Select(d => firstDay.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var counts = bars.Select(b => int.Parse(b.GetAttribute("data-count")!, CultureInfo.InvariantCulture)).ToList();
        counts.ShouldBe([2, .. Enumerable.Repeat(0, 27), 1, 3]);
        // Heights in proportion to the busiest day, drawn from the axis (y + height = the chart's height).
        var heights = bars.Select(b => double.Parse(b.GetAttribute("height")!, CultureInfo.InvariantCulture)).ToList();
        var chartHeight = double.Parse(svg.GetAttribute("viewBox")!.Split(' ')[3], CultureInfo.InvariantCulture);
        heights.ShouldBe(counts.Select(c => Math.Round(c * chartHeight / 3, 2)));
        bars.ShouldAllBe(b => double.Parse(b.GetAttribute("y")!, CultureInfo.InvariantCulture) + double.Parse(b.GetAttribute("height")!, CultureInfo.InvariantCulture) == chartHeight);
        bars[29].QuerySelector("title")!.TextContent.ShouldBe("2026-12-06: 3 documents");
        var name = page.GetElementById(svg.GetAttribute("aria-labelledby")!).ShouldNotBeNull();
        name.TextContent.ShouldBe("Health: 6 documents in the last 30 days (2026-11-07 to 2026-12-06). Busiest day: 3 on 2026-12-06.");
        // The same numbers as text, for screen readers.
        var rows = page.QuerySelectorAll("section[data-theme=health] table.dp-day-counts tbody tr");
        rows.Select(r => r.QuerySelectorAll("td")[1].TextContent).ShouldBe(counts.Select(c => c.ToString(CultureInfo.InvariantCulture)));
        // Another theme, with no entry, has its 30 bars all of height 0.
        page.QuerySelectorAll("section[data-theme=energy-compute] svg rect.dp-bar").ShouldAllBe(b => b.GetAttribute("height") == "0");
    }

    [Fact]
    public async Task Every_theme_of_the_taxonomy_is_shown_with_its_labels_descriptions_and_every_keyword()
    {
        var taxonomy = _host.Get<ThemeTaxonomy>();

        var page = await _browser.PageAsync("/console/themes", Cancellation);

        page.QuerySelectorAll("section[data-theme]").Select(s => s.GetAttribute("data-theme")).ShouldBe(taxonomy.Themes.Select(t => t.Id));
        foreach (var theme in taxonomy.Themes)
        {
            var section = page.QuerySelector($"section[data-theme='{theme.Id}']")!;
            section.QuerySelector("h2")!.TextContent.ShouldStartWith(theme.Label("en"));
            section.QuerySelector("svg").ShouldNotBeNull(theme.Id);
            foreach (var (language, keywords) in theme.Keywords)
            {
                var row = section.QuerySelector($"tr[data-language='{language}']").ShouldNotBeNull($"{theme.Id} {language}");
                row.QuerySelectorAll(".dp-keywords .dp-chip:not(.dp-requires)").Select(c => c.TextContent).ShouldBe(keywords, $"{theme.Id} {language}");
                if (theme.Labels.TryGetValue(language, out var label))
                    row.QuerySelector(".dp-label")!.TextContent.ShouldBe(label);
                if (theme.Descriptions.TryGetValue(language, out var description))
                    row.TextContent.ShouldContain(description);
                if (theme.Requires.TryGetValue(language, out var required))
                    row.QuerySelectorAll(".dp-requires").Select(c => c.TextContent).ShouldBe(required);
            }
        }

        page.QuerySelector("main")!.TextContent.ShouldContain("The taxonomy has keywords in: de, en, es, fr, it, nl, pt.");
    }

    [Fact]
    public async Task Documents_with_no_theme_are_listed_newest_first_with_a_link_their_language_and_the_likely_cause()
    {
        var records = _host.Get<IDocumentRecords>();
        var japanese = new DocumentRecord("doc-ja", "tokyo.txt", DocumentStatus.Summarized, Now.AddDays(-2), "ja", "<script>alert(1)</script> Tokyo notes", NoTheme: true);
        var english = new DocumentRecord("doc-en", "garden.md", DocumentStatus.Summarized, Now.AddHours(-1), "en", "Garden club minutes",
            Themes: ["section-roses"], NoTheme: true);
        await records.SetRecordAsync(japanese, Cancellation);
        await records.SetRecordAsync(english, Cancellation);
        await records.SetRecordAsync(new DocumentRecord("doc-themed", "grid.txt", DocumentStatus.Summarized, Now, "en", "Grid", Themes: ["energy-compute"]), Cancellation);
        await records.SetRecordAsync(new DocumentRecord("doc-waiting", "later.txt", DocumentStatus.Ingested, Now, "de", "Later"), Cancellation);

        var page = await _browser.PageAsync("/console/themes", Cancellation);

        var items = page.QuerySelectorAll("#no-theme li");
        items.Select(i => i.GetAttribute("data-document-id")).ShouldBe(["doc-en", "doc-ja"]);
        items.Select(i => i.QuerySelector("a")!.GetAttribute("href")).ShouldBe(["/console/documents/doc-en", "/console/documents/doc-ja"]);
        items[0].TextContent.ShouldContain("Language en: the taxonomy has keywords in en, but too few of them occur in it.");
        items[0].TextContent.ShouldContain("section-roses");
        items[1].TextContent.ShouldContain("Language ja: the taxonomy has no keywords in ja.");
        items[1].QuerySelector("a")!.TextContent.ShouldBe("<script>alert(1)</script> Tokyo notes");
        items[1].QuerySelector("script").ShouldBeNull();
        page.QuerySelector("main")!.TextContent.ShouldContain("2 summarized documents matched no theme of the taxonomy, so no subscriber receives them.");
    }

    private static DocumentSummaries Summaries(string documentId, string themeId, DateTimeOffset summarizedAt) =>
        new(documentId, documentId + ".txt", documentId, "en", summarizedAt,
            [new ThemedSummary(themeId, new Dictionary<string, string> { ["en"] = themeId }, Discovered: false, 1.0, [], [])]);
}
