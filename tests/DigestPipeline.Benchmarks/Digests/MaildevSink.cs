using System.Diagnostics;

namespace DigestPipeline.Benchmarks.Digests;

/// <summary>
/// The maildev of <c>tools/package.json</c> (<c>tools/node_modules</c>, as the integration tests install it) on
/// 127.0.0.1 and free ports. It keeps every message in memory, as it does in the tests.
/// </summary>
internal sealed class MaildevSink : ISmtpSink
{
    private readonly Process _process;

    private MaildevSink(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The sink, or null (said on <paramref name="log"/>) when maildev is not installed.</summary>
    public static async Task<MaildevSink?> StartAsync(string root, TextWriter log)
    {
        var script = Path.Combine(root, "tools", "node_modules", "maildev", "bin", "maildev");
        if (!File.Exists(script))
        {
            await log.WriteLineAsync($"maildev is not installed ({script}; `npm ci` in tools/ installs it); no maildev figures");
            return null;
        }

        var port = AiosmtpdSink.FreePort();
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { script, "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "-s", $"{port}", "-w", $"{AiosmtpdSink.FreePort()}" })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("maildev did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await AiosmtpdSink.WaitForPortAsync(port, process);
        return new MaildevSink(process, port);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
