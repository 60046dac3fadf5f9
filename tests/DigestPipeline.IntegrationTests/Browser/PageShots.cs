using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace DigestPipeline.IntegrationTests.Browser;

/// <summary>
/// A set of pages (the public pages, the console's) each at 375 and 1280 px, light and dark: no horizontal scroll, the
/// page's background and title in the scheme's colours, a full-page screenshot under <c>screenshots/{set}/</c> in the
/// test output folder; and axe-core's check of each in both schemes (colour contrast differs), reported in
/// <c>screenshots/{set}/axe.md</c> (a row per page and scheme, then every violation found), the serious and critical
/// violations kept for the test to fail on.
/// </summary>
internal sealed class PageShots(IBrowser browser, string set)
{
    /// <summary>The widths of a phone and of a desktop.</summary>
    public static readonly int[] Widths = [375, 1280];

    private readonly StringBuilder _report = new("| page | scheme | violations (critical, serious, moderate, minor) | rules passed | incomplete |\n| --- | --- | --- | --- | --- |\n");
    private readonly List<string> _violations = [];

    public string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots", set);

    /// <summary>Every serious or critical violation found so far, with the page, the scheme and where.</summary>
    public IReadOnlyList<string> Serious => _violations.Where(v => v.Contains("(serious)", StringComparison.Ordinal) || v.Contains("(critical)", StringComparison.Ordinal)).ToList();

    /// <param name="open">Brings the page up in a fresh page of a fresh context (a GET, a form filled and posted, a login first).</param>
    public async Task TakeAsync(string name, Func<IPage, Task> open)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var axe = new List<(ColorScheme, AxeResult)>();
        await BrowserViews.EachAsync(browser, Widths, open, async (page, width, scheme) =>
        {
            var where = $"{name} at {width} px, {scheme}";
            (await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width, $"horizontal scroll: {where}");
            await BrowserViews.ShouldFitTheSchemeAsync(page, scheme, where, "h1");
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(Directory, $"{name}-{width}px-{scheme.ToString().ToLowerInvariant()}.png"),
                FullPage = true,
            });
            if (width == Widths[0])
                axe.Add((scheme, await page.RunAxe()));
        });

        foreach (var (scheme, result) in axe)
        {
            int Count(string impact) => result.Violations.Count(v => v.Impact == impact);
            _report.Append(CultureInfo.InvariantCulture,
                $"| `{name}` | {scheme.ToString().ToLowerInvariant()} | {Count("critical")}, {Count("serious")}, {Count("moderate")}, {Count("minor")} | {result.Passes.Length} | {result.Incomplete.Length} |\n");
            _violations.AddRange(result.Violations.Select(v =>
                $"{name} ({scheme}): {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}"));
        }
    }

    /// <summary>Writes <c>axe.md</c> and returns its text.</summary>
    public async Task<string> WriteReportAsync(CancellationToken cancellationToken)
    {
        var report = _report + string.Concat(_violations.Select(v => "\n- " + v));
        await File.WriteAllTextAsync(Path.Combine(Directory, "axe.md"), report, cancellationToken);
        return report;
    }
}
