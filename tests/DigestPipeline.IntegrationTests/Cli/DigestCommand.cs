using System.Diagnostics;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Cli;

/// <summary>Runs the built <c>digest</c> command as a user runs it: <c>dotnet digest.dll …</c> from the repository root.</summary>
internal static class DigestCommand
{
    private static readonly TimeSpan Timeout = TestWaits.Scaled(TimeSpan.FromMinutes(2));

    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments) =>
        RunAsync(new Dictionary<string, string>(), arguments);

    /// <summary>Runs the command on <paramref name="azurite"/>'s account, as <c>Storage__ConnectionString</c> names it.</summary>
    public static Task<(int ExitCode, string Output, string Errors)> RunOnAsync(AzuriteFixture azurite, params string[] arguments) =>
        RunAsync(new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Subscriptions__TokenSecret"] = EndToEnd.RunningPipeline.TokenSecret,
        }, arguments);

    /// <param name="environment">Variables set for the command (<c>Storage__ConnectionString</c>, ...), over the test process's own.</param>
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ChildProcess.RunAsync(StartInfo(environment, arguments), Timeout);

    /// <summary>How to start <c>dotnet digest.dll {arguments}</c> from the repository root, output redirected.</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(CliAssembly(root));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return start;
    }

    /// <summary>The CLI built in the same configuration as these tests (the project reference builds it first).</summary>
    private static string CliAssembly(string root)
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var path = Path.Combine(root, "src", "DigestPipeline.Cli", "bin", configuration, "net10.0", "digest.dll");
        File.Exists(path).ShouldBeTrue($"{path} is not built");
        return path;
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DigestPipeline.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"No DigestPipeline.sln above {AppContext.BaseDirectory}.");
    }
}
