using System.Diagnostics;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Cli;

/// <summary>
/// The repository's <c>./digest</c> launcher, run on a copy of itself beside a stand-in <c>dotnet</c> (which records
/// each build and writes a stand-in command) so that its decisions are seen without building the real command
/// again in the middle of the suite: the real build is the one <c>dotnet test</c> already made.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // a POSIX shell script
public sealed class Digest_launcher_builds_only_when_a_source_changed : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("digest-launcher-");

    private string Builds => Path.Combine(_root.FullName, "builds.log");

    public Digest_launcher_builds_only_when_a_source_changed()
    {
        File.Copy(Path.Combine(DigestCommand.RepositoryRoot(), "digest"), Path.Combine(_root.FullName, "digest"));
        Directory.CreateDirectory(Path.Combine(_root.FullName, "src", "DigestPipeline.Core"));
        File.WriteAllText(Path.Combine(_root.FullName, "src", "DigestPipeline.Core", "Thing.cs"), "// a source file");
        var tools = Directory.CreateDirectory(Path.Combine(_root.FullName, "tools-bin")).FullName;
        // The stand-in build: notes its arguments and writes a command that echoes its own and exits 3.
        WriteScript(Path.Combine(tools, "dotnet"), $"""
            echo "$@" >> '{Builds}'
            out='{_root.FullName}/src/DigestPipeline.Cli/bin/Debug/net10.0'
            mkdir -p "$out"
            printf '#!/bin/sh\necho "ran with: $*"\nexit 3\n' > "$out/digest"
            chmod +x "$out/digest"
            """);
    }

    [Fact]
    public async Task It_builds_on_first_use_then_runs_the_built_command_directly_until_a_source_changes()
    {
        var first = await LauncherAsync("status", "--json");
        first.ExitCode.ShouldBe(3, "the launcher passes the command's exit code on");
        first.Output.ShouldContain("ran with: status --json");
        BuildCount().ShouldBe(1, "no build yet: the launcher builds first");

        (await LauncherAsync("status")).Output.ShouldContain("ran with: status");
        BuildCount().ShouldBe(1, "nothing changed: no second build");

        // A source written after the last build (its time set ahead, so that the test does not wait out the clock's resolution).
        var changed = Path.Combine(_root.FullName, "src", "DigestPipeline.Core", "Thing.cs");
        File.SetLastWriteTimeUtc(changed, DateTime.UtcNow.AddMinutes(1));
        (await LauncherAsync("up")).Output.ShouldContain("ran with: up");
        BuildCount().ShouldBe(2, "a changed source: built again before running");
        File.ReadAllLines(Builds)[1].ShouldContain("src/DigestPipeline.Cli");
    }

    [Fact]
    public async Task A_failed_build_runs_nothing_and_says_so()
    {
        WriteScript(Path.Combine(_root.FullName, "tools-bin", "dotnet"), "echo 'error CS1002: ; expected' >&2\nexit 1");

        var run = await LauncherAsync("status");

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldNotContain("ran with");
        run.Errors.ShouldContain("error CS1002");
    }

    private int BuildCount() => File.Exists(Builds) ? File.ReadAllLines(Builds).Length : 0;

    private Task<(int ExitCode, string Output, string Errors)> LauncherAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("/bin/sh", [Path.Combine(_root.FullName, "digest"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _root.FullName,
        };
        start.Environment["PATH"] = $"{Path.Combine(_root.FullName, "tools-bin")}:/usr/bin:/bin";
        return ChildProcess.RunAsync(start, TimeSpan.FromMinutes(2));
    }

    private static void WriteScript(string path, string body)
    {
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
