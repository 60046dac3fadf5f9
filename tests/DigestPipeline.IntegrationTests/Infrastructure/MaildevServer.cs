using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using DigestPipeline.LocalHost.Azurite;

namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// Starts the maildev pinned in <c>tools/package.json</c> (installed by <see cref="LocalTools"/> when
/// <c>tools/node_modules</c> lacks it) on two free loopback ports, and stops it with its whole process tree.
/// </summary>
public sealed class MaildevServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TestWaits.Scaled(TimeSpan.FromSeconds(120));

    private readonly Process _process;
    private readonly StringBuilder _output;

    private MaildevServer(Process process, StringBuilder output, int smtpPort, int webPort)
    {
        _process = process;
        _output = output;
        SmtpPort = smtpPort;
        WebPort = webPort;
    }

    public string Host { get; } = "127.0.0.1";

    public int SmtpPort { get; }

    public int WebPort { get; }

    public Uri WebUri => new($"http://{Host}:{WebPort}/");

    /// <summary>
    /// The REST API's base: <c>/api/</c> in maildev 3.x, the web root in 2.2.x (the version pinned in
    /// <c>tools/</c>, whose routes are <c>GET /email</c> and <c>DELETE /email/all</c>). Found when starting.
    /// </summary>
    public Uri ApiUri { get; private set; } = null!;

    /// <summary>What maildev printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="credentials">When set, maildev requires SMTP authentication with them (<c>--incoming-user</c>, <c>--incoming-pass</c>).</param>
    /// <param name="ports">Fixed ports (to restart a stopped maildev where its clients expect it); default two free ones.</param>
    /// <param name="mailDirectory">Where maildev keeps each message as an .eml file and reloads them from on start; default a temporary folder it empties.</param>
    public static async Task<MaildevServer> StartAsync(NetworkCredential? credentials = null,
        (int Smtp, int Web)? ports = null, string? mailDirectory = null, CancellationToken cancellationToken = default)
    {
        // Installed the same way, under the same lock, as Azurite: two fixtures starting at once run npm ci once.
        var localTools = LocalTools.Find(SourceDirectory());
        await localTools.EnsureInstalledAsync("maildev", null, cancellationToken);
        var tools = localTools.Directory;
        var bin = localTools.BinPath("maildev");

        // The package's own entry script, run by node: the same on Linux, macOS and Windows (where .bin holds
        // shell and .cmd shims rather than the script).
        var script = Path.Combine(tools, "node_modules", "maildev", "bin", "maildev");
        var (smtpPort, webPort) = ports ?? FreeLoopbackPorts();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = tools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     File.Exists(script) ? script : bin,
                     "--ip", "127.0.0.1", "--web-ip", "127.0.0.1",
                     "-s", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "-w", webPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        if (credentials is not null)
        {
            foreach (var argument in new[] { "--incoming-user", credentials.UserName, "--incoming-pass", credentials.Password })
                start.ArgumentList.Add(argument);
        }

        if (mailDirectory is not null)
        {
            start.ArgumentList.Add("--mail-directory");
            start.ArgumentList.Add(mailDirectory);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new MaildevServer(process, output, smtpPort, webPort);
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = WebUri, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"maildev exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                foreach (var prefix in new[] { "api/", "" })
                {
                    using var response = await http.GetAsync(prefix + "email", cancellationToken);
                    if (response.IsSuccessStatusCode
                        && response.Content.Headers.ContentType?.MediaType == "application/json")
                    {
                        ApiUri = new Uri(WebUri, prefix);
                        return;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The 2 s request timeout: still starting.
            }

            if (deadline.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"maildev did not answer GET /api/email nor GET /email within {StartTimeout.TotalSeconds} s:\n{Output}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>This file's folder, inside the repository even when the build output is elsewhere (--artifacts-path).</summary>
    private static string? SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path);

    /// <summary>Two distinct free ports on 127.0.0.1 (both held open until both are known).</summary>
    private static (int Smtp, int Web) FreeLoopbackPorts()
    {
        var first = new TcpListener(IPAddress.Loopback, 0);
        var second = new TcpListener(IPAddress.Loopback, 0);
        first.Start();
        second.Start();
        try
        {
            return (((IPEndPoint)first.LocalEndpoint).Port, ((IPEndPoint)second.LocalEndpoint).Port);
        }
        finally
        {
            first.Stop();
            second.Stop();
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < 64 * 1024)
            {
                output.AppendLine(line);
            }
        }
    }
}
