using System.Diagnostics;
using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Infra;

/// <summary>
/// The Bicep CLI of the Azure.Bicep.CommandLine.linux-x64 package, restored with the test project (its path is the
/// BicepCli assembly metadata): <c>bicep build --stdout</c> turns a Bicep file into the ARM template Azure deploys.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string Path { get; } = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepCli").Value!;

    public static async Task<JsonDocument> BuildAsync(string bicepFile)
    {
        File.Exists(Path).ShouldBeTrue($"{Path}: the Bicep CLI package is restored with the test project");
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("The Bicep CLI package the tests restore is the linux-x64 one.");
        EnsureExecutable();
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // No telemetry, no update check: nothing leaves the machine.
            Environment = { ["BICEP_TELEMETRY_ENABLED"] = "false", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
        };
        foreach (var argument in new[] { "build", bicepFile, "--stdout" })
            start.ArgumentList.Add(argument);

        var (exitCode, output, errors) = await ChildProcess.RunAsync(start, Timeout);
        exitCode.ShouldBe(0, $"bicep build {bicepFile} failed:\n{errors}");
        return JsonDocument.Parse(output);
    }

    /// <summary>NuGet extracts files with the mode its archive gives them; a package without the bit gets it here.</summary>
    [UnsupportedOSPlatform("windows")] // the package is the linux-x64 CLI
    private static void EnsureExecutable()
    {
        var mode = File.GetUnixFileMode(Path);
        if ((mode & UnixFileMode.UserExecute) == 0)
            File.SetUnixFileMode(Path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }
}
