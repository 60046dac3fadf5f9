using Microsoft.Playwright;
using Xunit;

namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's chromium driven by Playwright, headless, for the test class (<c>IClassFixture&lt;ChromiumFixture&gt;</c>).
/// Playwright never downloads a browser here: when <c>/usr/bin/chromium</c> is missing (a fresh CI machine) the
/// fixture installs the Debian package (<see cref="DebianPackage"/>).
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Without the networking switches chromium keeps trying to reach Google's hosts, which this machine cannot.</summary>
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("chromium is not started.");

    public async ValueTask InitializeAsync()
    {
        await EnsureInstalledAsync(TestContext.Current.CancellationToken);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>Installs Debian's chromium unless it is there; one process at a time on this machine.</summary>
    public static Task EnsureInstalledAsync(CancellationToken cancellationToken) =>
        DebianPackage.EnsureInstalledAsync("chromium", ExecutablePath, "the browser tests", cancellationToken);
}
