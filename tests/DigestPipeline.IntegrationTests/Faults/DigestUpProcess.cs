using System.Diagnostics;
using System.Text;
using DigestPipeline.IntegrationTests.Cli;

namespace DigestPipeline.IntegrationTests.Faults;

/// <summary>The real <c>digest up</c> as a child process (<c>dotnet digest.dll up</c>), to be killed with SIGKILL.</summary>
internal sealed class DigestUpProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DigestUpProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The last lines it printed (its log), for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static DigestUpProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var process = new Process { StartInfo = DigestCommand.StartInfo(environment, "up") };
        var up = new DigestUpProcess(process);
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

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            if (_output.Length > 32 * 1024)
                _output.Remove(0, _output.Length / 2);
            _output.AppendLine(line);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
