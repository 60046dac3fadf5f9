using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace DigestPipeline.LocalHost.Azurite;

/// <summary>
/// The repository's <c>tools/</c> folder: package.json + package-lock.json pinning the local servers (Azurite,
/// maildev). Installs them with <c>npm ci</c> when missing, one process at a time.
/// </summary>
public sealed class LocalTools
{
    private LocalTools(string directory) => Directory = directory;

    /// <summary>The <c>tools</c> folder itself.</summary>
    public string Directory { get; }

    /// <summary>The folder holding <c>tools/package.json</c>, found by walking up from <paramref name="startDirectory"/>,
    /// then from the application's folder, then from the current directory.</summary>
    /// <exception cref="DirectoryNotFoundException">no such folder above the start.</exception>
    public static LocalTools Find(string? startDirectory = null)
    {
        string?[] candidates = [startDirectory, AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory()];
        var starts = candidates.OfType<string>().Where(s => s.Length > 0).Distinct().ToList();
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                var tools = Path.Combine(dir.FullName, "tools");
                if (File.Exists(Path.Combine(tools, "package.json")))
                    return new LocalTools(tools);
            }
        }

        throw new DirectoryNotFoundException(
            $"No tools/package.json above {string.Join(" or ", starts)}: run from inside the DigestPipeline repository, or configure the servers explicitly.");
    }

    /// <summary>Path of an npm binary of <c>tools/node_modules/.bin</c> (the <c>.cmd</c> shim on Windows).</summary>
    public string BinPath(string name) =>
        Path.Combine(Directory, "node_modules", ".bin", OperatingSystem.IsWindows() ? name + ".cmd" : name);

    /// <summary>Runs <c>npm ci --no-audit --no-fund</c> unless <paramref name="binary"/> is installed, under a machine-wide file lock.</summary>
    public async Task EnsureInstalledAsync(string binary, Action<string>? log, CancellationToken cancellationToken)
    {
        if (File.Exists(BinPath(binary)))
            return;

        await using var installLock = await AcquireInstallLockAsync(cancellationToken);
        if (File.Exists(BinPath(binary)))
            return; // another process installed while we waited

        log?.Invoke($"Installing the local servers: npm ci in {Directory}");
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
            startInfo.ArgumentList.Add(argument);

        using var npm = Process.Start(startInfo)
                        ?? throw new InvalidOperationException("Could not start npm: is Node.js installed and on PATH?");
        var stdout = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = npm.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await npm.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout + await stderr;
        if (npm.ExitCode != 0 || !File.Exists(BinPath(binary)))
            throw new InvalidOperationException($"npm ci in {Directory} failed (exit code {npm.ExitCode}) or did not install {binary}:\n{output}");
    }

    private async Task<FileStream> AcquireInstallLockAsync(CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Directory)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"digestpipeline-npm-{hash}.lock");
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another process is installing: wait for it.
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }
}
