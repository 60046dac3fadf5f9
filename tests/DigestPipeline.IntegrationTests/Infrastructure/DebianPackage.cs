using System.Diagnostics;

namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A Debian package a fixture needs (chromium, dovecot-imapd), installed with apt-get when its program is missing (a
/// fresh CI machine), under a machine-wide lock so that parallel fixtures install once.
/// </summary>
internal static class DebianPackage
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    public static async Task EnsureInstalledAsync(string package, string program, string neededBy, CancellationToken cancellationToken)
    {
        if (File.Exists(program))
            return;
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
            throw new InvalidOperationException(
                $"{neededBy} need Debian's {package} ({program}); this machine has no apt-get to install it. Install {package} by hand.");

        await using var installLock = await MachineWideLockAsync(cancellationToken);
        if (File.Exists(program))
            return; // another test process installed it while we waited

        // DPkg::Lock::Timeout: wait for any other apt or dpkg run on the machine instead of failing at once.
        await RunAsync(package, "apt-get", ["-o", "DPkg::Lock::Timeout=300", "update"], cancellationToken);
        await RunAsync(package, "apt-get", ["-o", "DPkg::Lock::Timeout=300", "install", "-y", "--no-install-recommends", package], cancellationToken);
        if (!File.Exists(program))
            throw new InvalidOperationException($"apt-get installed the {package} package but {program} is still missing.");
    }

    private static async Task RunAsync(string package, string command, string[] arguments, CancellationToken cancellationToken)
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
                $"Installing {package} for the tests failed: {command} {string.Join(' ', arguments)} exited with code {process.ExitCode} " +
                $"(it needs root and access to the Debian package archive; or install {package} by hand):\n{await stdout}{await stderr}");
        }
    }

    /// <summary>An exclusive lock file in the temp folder, shared by every test process on the machine.</summary>
    private static async Task<FileStream> MachineWideLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "digestpipeline-apt-install.lock");
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
