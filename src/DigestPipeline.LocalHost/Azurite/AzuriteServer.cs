using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace DigestPipeline.LocalHost.Azurite;

/// <summary>
/// Azurite (the Azure Storage emulator) pinned in the repository's <c>tools/</c>, started on free loopback ports and
/// stopped (with its process tree) on dispose.
/// </summary>
public sealed partial class AzuriteServer : IAsyncDisposable
{
    /// <summary>The emulator's well-known account and key (public, documented by Microsoft; not a secret).</summary>
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly StringBuilder _output;
    private int _disposed;

    private AzuriteServer(Process process, StringBuilder output, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _output = output;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public Uri BlobEndpoint => new($"http://127.0.0.1:{BlobPort}/{AccountName}");
    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");
    public Uri TableEndpoint => new($"http://127.0.0.1:{TablePort}/{AccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>CPU time Azurite's process has used so far (all its threads), for load measurements.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The most resident memory Azurite's process has had so far, for load measurements.</summary>
    public long PeakWorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    /// <summary>What Azurite printed so far (for diagnostics).</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>
    /// Preloads <c>tools/azurite-without-telemetry.cjs</c> (see its comment): Azurite loads its telemetry library at
    /// start even with <c>--disableTelemetry</c>, more than half of what a start costs.
    /// </summary>
    private static void WithoutTelemetryLibrary(ProcessStartInfo startInfo, LocalTools tools)
    {
        var preload = Path.Combine(tools.Directory, "azurite-without-telemetry.cjs");
        if (!File.Exists(preload))
            return;
        var inherited = startInfo.Environment.TryGetValue("NODE_OPTIONS", out var value) ? value : null;
        startInfo.Environment["NODE_OPTIONS"] = $"{inherited} --require \"{preload}\"".TrimStart();
    }

    /// <summary>Installs Azurite from <c>tools/</c> if needed (<c>npm ci</c>), starts it and waits until it listens.</summary>
    /// <exception cref="TimeoutException">it did not listen in time; the message holds its output.</exception>
    /// <exception cref="InvalidOperationException">it exited while starting; the message holds its output.</exception>
    public static async Task<AzuriteServer> StartAsync(AzuriteServerOptions? options = null, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        options ??= AzuriteServerOptions.InMemory;
        var tools = LocalTools.Find(options.StartDirectory);
        await tools.EnsureInstalledAsync("azurite", log, cancellationToken);

        var startInfo = new ProcessStartInfo(tools.BinPath("azurite"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = options.Location ?? Path.GetTempPath(),
        };
        WithoutTelemetryLibrary(startInfo, tools);
        foreach (var argument in new[]
                 {
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", Port(options.BlobPort), "--queuePort", Port(options.QueuePort), "--tablePort", Port(options.TablePort),
                     "--skipApiVersionCheck", "--disableTelemetry",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (options.Location is null)
        {
            startInfo.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(options.Location);
            startInfo.ArgumentList.Add("--location");
            startInfo.ArgumentList.Add(options.Location);
        }

        var output = new StringBuilder();
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException($"Azurite exited while starting (exit code {SafeExitCode(process)}):\n{Captured()}"));

        if (!process.Start())
            throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await listening.Task.WaitAsync(options.StartTimeout ?? AzuriteServerOptions.DefaultStartTimeout, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            Kill(process);
            process.Dispose();
            if (e is TimeoutException)
                throw new TimeoutException($"Azurite did not listen within {options.StartTimeout ?? AzuriteServerOptions.DefaultStartTimeout}. Its output:\n{Captured()}", e);
            throw;
        }

        var server = new AzuriteServer(process, output, ports["Blob"], ports["Queue"], ports["Table"])
        {
            Options = options with { BlobPort = ports["Blob"], QueuePort = ports["Queue"], TablePort = ports["Table"] },
        };
        log?.Invoke($"Azurite listening: blob {server.BlobPort}, queue {server.QueuePort}, table {server.TablePort}");
        return server;

        void OnLine(string? line)
        {
            if (line is null)
                return;
            lock (output)
            {
                output.AppendLine(line);
                var match = ListeningLine().Match(line);
                if (match.Success)
                    ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
                if (ports.Count == 3)
                    listening.TrySetResult();
            }
        }

        string Captured()
        {
            lock (output)
                return output.ToString();
        }
    }

    /// <summary>
    /// Stops Azurite gracefully: SIGTERM, on which it closes its servers and writes its state to its folder (with
    /// <c>--location</c>, it otherwise persists only every few seconds, so a SIGKILL loses the last writes); SIGKILL
    /// after <see cref="GracefulStopTimeout"/> if it has not exited.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        try
        {
            if (!_process.HasExited && (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
            {
                _ = Signal(_process.Id, SigTerm);
                using var graceful = new CancellationTokenSource(GracefulStopTimeout);
                try
                {
                    await _process.WaitForExitAsync(graceful.Token);
                }
                catch (OperationCanceledException)
                {
                    // Did not stop in time: killed below.
                }
            }

            Kill(_process);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>SIGKILL, as a crash would: Azurite loses what it had not persisted yet (fault tests).</summary>
    public async ValueTask KillAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        try
        {
            Kill(_process);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>Completes when Azurite's process exits (it crashed, or was stopped), with its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>The options that start an Azurite like this one again: same folder, same ports (its clients keep their endpoints).</summary>
    public AzuriteServerOptions Options { get; private init; } = AzuriteServerOptions.InMemory;

    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(15);

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Signal(int processId, int signal);

    private static void Kill(Process process)
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static string SafeExitCode(Process process) =>
        process.HasExited ? process.ExitCode.ToString(CultureInfo.InvariantCulture) : "?";

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
