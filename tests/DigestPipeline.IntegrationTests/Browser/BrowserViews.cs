using Microsoft.Playwright;
using Shouldly;

namespace DigestPipeline.IntegrationTests.Browser;

/// <summary>What the screenshot helpers share: each width in both colour schemes, and the colours each scheme must give.</summary>
internal static class BrowserViews
{
    /// <summary>For each width, light then dark: a fresh context of that size and scheme, the page opened, then <paramref name="check"/>.</summary>
    public static async Task EachAsync(IBrowser browser, IEnumerable<int> widths, Func<IPage, Task> open, Func<IPage, int, ColorScheme, Task> check)
    {
        foreach (var width in widths)
        {
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    ViewportSize = new ViewportSize { Width = width, Height = 800 },
                    ColorScheme = scheme,
                });
                var page = await context.NewPageAsync();
                await open(page);
                await check(page, width, scheme);
            }
        }
    }

    /// <summary>A dark background and light text in dark mode, the reverse in light mode (WCAG luminance of computed colours).</summary>
    public static async Task ShouldFitTheSchemeAsync(IPage page, ColorScheme scheme, string where, params string[] textSelectors)
    {
        var background = DigestScreenshots.Luminance(await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        var dark = scheme == ColorScheme.Dark;
        if (dark) background.ShouldBeLessThan(0.1, $"a dark background: {where}");
        else background.ShouldBeGreaterThan(0.6, $"a light background: {where}");
        foreach (var selector in textSelectors)
        {
            var text = DigestScreenshots.Luminance(await page.EvaluateAsync<string>($"getComputedStyle(document.querySelector('{selector}')).color"));
            if (dark) text.ShouldBeGreaterThan(0.6, $"light {selector} text: {where}");
            else text.ShouldBeLessThan(0.1, $"dark {selector} text: {where}");
        }
    }
}
