using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;

namespace DigestPipeline.IntegrationTests.Browser;

/// <summary>
/// A digest page on a phone (375 px) and a desktop (1200 px), light and dark: what a browser can check of it (no
/// horizontal scroll on the phone, dark background and light text in dark mode, no script), and a full-page
/// screenshot of each under <c>screenshots/</c> in the test output folder, for a person to look at.
/// </summary>
internal static partial class DigestScreenshots
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <returns>The screenshots' paths.</returns>
    /// <param name="open">Loads the digest into a page (from its URL, or its HTML as it is).</param>
    public static async Task<IReadOnlyList<string>> TakeAsync(IBrowser browser, Func<IPage, Task> open, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var paths = new List<string>();
        await BrowserViews.EachAsync(browser, [375, 1200], open, async (page, width, scheme) =>
        {
            var where = $"{width} px, {scheme}";
            (await page.EvaluateAsync<int>("document.querySelectorAll('script').length")).ShouldBe(0, where);
            (await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width, $"horizontal scroll at {where}");
            await BrowserViews.ShouldFitTheSchemeAsync(page, scheme, where, "h1", "blockquote");
            var path = Path.Combine(Directory, $"{name}-{width}px-{scheme.ToString().ToLowerInvariant()}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            paths.Add(path);
        });

        return paths;
    }

    /// <summary>WCAG relative luminance (0 black … 1 white) of a computed CSS color, <c>rgb(r, g, b)</c> or <c>rgba(…)</c>.</summary>
    internal static double Luminance(string cssColor)
    {
        var match = RgbPattern().Match(cssColor);
        match.Success.ShouldBeTrue($"a computed rgb() color, not \"{cssColor}\"");
        double Channel(int group)
        {
            var c = double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) / 255;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(1) + 0.7152 * Channel(2) + 0.0722 * Channel(3);
    }

    [GeneratedRegex(@"^rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)")]
    private static partial Regex RgbPattern();
}
