using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace DigestPipeline.IntegrationTests.Browser;

/// <summary>
/// A public page at 375 and 1280 px, light and dark: no horizontal scroll, the page's background and title in the
/// scheme's colours, a full-page screenshot under <c>screenshots/pages/</c> in the test output folder; and axe-core's
/// check of it in both schemes (colour contrast differs), its violations returned for the test to judge and report.
/// </summary>
internal static class PublicPageShots
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "screenshots", "pages");

    /// <summary>The widths of a phone and of a desktop.</summary>
    public static readonly int[] Widths = [375, 1280];

    /// <param name="open">Brings the page up in a fresh page (a GET, or a form filled and posted).</param>
    /// <returns>axe's results per scheme (run at 375 px).</returns>
    public static async Task<IReadOnlyList<(ColorScheme Scheme, AxeResult Axe)>> TakeAsync(IBrowser browser, string name, Func<IPage, Task> open)
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

        return axe;
    }
}
