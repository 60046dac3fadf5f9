using System.Diagnostics;
using Microsoft.Playwright;
using Xunit;

namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's chromium driven by Playwright, headless, for the test class (<c>IClassFixture&lt;ChromiumFixture&gt;</c>).
/// Playwright never downloads a browser here: when <c>/usr/bin/chromium</c> is missing (a fresh CI machine) the
/// fixture installs the Debian package with apt-get, under a machine-wide lock so that parallel fixtures install once.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

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
    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(ExecutablePath))
            return;
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
            throw new InvalidOperationException(
                $"The browser tests need Debian's chromium at {ExecutablePath}; this machine has no apt-get to install it. Install chromium there by hand.");

        await using var installLock = await MachineWideLockAsync(cancellationToken);
        if (File.Exists(ExecutablePath))
            return; // another test process installed it while we waited

        // DPkg::Lock::Timeout: wait for any other apt or dpkg run on the machine instead of failing at once.
        await RunAsync("apt-get", ["-o", "DPkg::Lock::Timeout=300", "update"], cancellationToken);
        await RunAsync("apt-get", ["-o", "DPkg::Lock::Timeout=300", "install", "-y", "--no-install-recommends", "chromium"], cancellationToken);
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"apt-get installed the chromium package but {ExecutablePath} is still missing.");
    }

    private static async Task RunAsync(string command, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InstallTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} {string.Join(' ', arguments)} did not finish within {InstallTimeout.TotalMinutes} minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Installing chromium for the browser tests failed: {command} {string.Join(' ', arguments)} exited with code {process.ExitCode} " +
                $"(it needs root and access to the Debian package archive; or install chromium by hand):\n{await stdout}{await stderr}");
        }
    }

    /// <summary>An exclusive lock file in the temp folder, shared by every test process on the machine.</summary>
    private static async Task<FileStream> MachineWideLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "digestpipeline-chromium-install.lock");
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }
}
