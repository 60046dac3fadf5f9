using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DigestPipeline.Benchmarks.Digests;

/// <summary>
/// Debian's python3-aiosmtpd on 127.0.0.1 and a free port, with its <c>Sink</c> handler (accepts and discards
/// every message). Debian's interpreter is asked for by path: a python3 earlier on PATH (pyenv) lacks the module.
/// </summary>
internal sealed class AiosmtpdSink : ISmtpSink
{
    private static readonly string[] Interpreters = ["/usr/bin/python3", "python3"];

    private readonly Process _process;

    private AiosmtpdSink(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Interpreter => _process.StartInfo.FileName;

    /// <summary>The sink, or null (said on <paramref name="log"/>) when no interpreter has aiosmtpd.</summary>
    public static async Task<AiosmtpdSink?> StartAsync(TextWriter log)
    {
        var interpreter = Interpreters.FirstOrDefault(HasAiosmtpd);
        if (interpreter is null)
        {
            await log.WriteLineAsync("aiosmtpd is not installed (apt-get install -y python3-aiosmtpd); no aiosmtpd figures");
            return null;
        }

        var port = FreePort();
        var start = new ProcessStartInfo(interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-c", "aiosmtpd.handlers.Sink", "-l", $"127.0.0.1:{port}" })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitForPortAsync(port, process);
        return new AiosmtpdSink(process, port);
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

    private static bool HasAiosmtpd(string interpreter)
    {
        try
        {
            using var check = Process.Start(new ProcessStartInfo(interpreter, "-c \"import aiosmtpd\"") { RedirectStandardError = true, UseShellExecute = false });
            if (check is null)
                return false;
            check.WaitForExit();
            return check.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task WaitForPortAsync(int port, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{process.StartInfo.FileName} exited with {process.ExitCode} before listening");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Nothing listens on 127.0.0.1:{port} after 20 s");
    }
}
