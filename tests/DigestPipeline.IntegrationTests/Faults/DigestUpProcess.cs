using System.Diagnostics;
using System.Text;
using DigestPipeline.IntegrationTests.Cli;
using DigestPipeline.IntegrationTests.Infrastructure;

namespace DigestPipeline.IntegrationTests.Faults;

/// <summary>
/// The real <c>digest up</c> as a child process (<c>dotnet digest.dll up</c>), in a workspace of its own (so its
/// one-host lock and running-host record are the test's), to be stopped with SIGTERM or killed with SIGKILL.
/// </summary>
internal sealed class DigestUpProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TempWorkspace? _ownWorkspace;

    private DigestUpProcess(Process process, TempWorkspace? ownWorkspace)
    {
        _process = process;
        _ownWorkspace = ownWorkspace;
    }

    /// <summary>Everything it printed so far (its log, trimmed to the last 256 KB), for assertions and failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <param name="workspace">Where it runs; null: a fresh workspace of its own, deleted on dispose.</param>
    public static DigestUpProcess Start(IReadOnlyDictionary<string, string> environment, TempWorkspace? workspace = null) =>
        Start(environment, workspace, "up");

    /// <summary>Any <c>digest</c> command as a long-running child process.</summary>
    public static DigestUpProcess Start(IReadOnlyDictionary<string, string> environment, TempWorkspace? workspace, params string[] arguments)
    {
        var own = workspace is null ? TempWorkspace.Create() : null;
        var start = DigestCommand.StartInfo(environment, arguments);
        start.WorkingDirectory = (workspace ?? own)!.Root;
        var process = new Process { StartInfo = start };
        var up = new DigestUpProcess(process, own);
        process.OutputDataReceived += (_, e) => up.Append(e.Data);
        process.ErrorDataReceived += (_, e) => up.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return up;
    }

    /// <summary>SIGKILL (no graceful stop, no drain), then waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>SIGTERM, as a service manager stops it (Ctrl+C is SIGINT, handled the same way); returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
            await Signals.SendAsync(_process.Id, "TERM");
        return await WaitForExitAsync(timeout);
    }

    /// <summary>Waits until its <c>/readyz</c> at <paramref name="web"/> answers <paramref name="expected"/>; fails at once if it exited.</summary>
    public Task UntilReadyzAsync(string web, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK, string what = "the host to be ready") =>
        AzuriteEventually.UntilAsync(async () =>
        {
            if (HasExited)
                throw new InvalidOperationException($"digest up exited with code {ExitCode}:\n{Output}");
            return await ReadyzAsync(web) == expected;
        }, what, TimeSpan.FromMinutes(2));

    /// <summary>What <c>GET {web}/readyz</c> answers, or null while nothing listens there.</summary>
    public static async Task<System.Net.HttpStatusCode?> ReadyzAsync(string web)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync($"{web}/readyz", Xunit.TestContext.Current.CancellationToken);
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !Xunit.TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(TestWaits.Scaled(timeout));
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            if (_output.Length > 256 * 1024)
                _output.Remove(0, _output.Length / 2);
            _output.AppendLine(line);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
        _ownWorkspace?.Dispose();
    }
}
