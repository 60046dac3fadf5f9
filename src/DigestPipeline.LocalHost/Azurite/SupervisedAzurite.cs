using System.Runtime.InteropServices;

namespace DigestPipeline.LocalHost.Azurite;

/// <summary>
/// The Azurite a long-lived host started and owns (<c>digest up</c>): if its process exits while the host runs (a
/// crash, an out-of-memory kill), it is started again on the same ports and folder, with a back-off between failed
/// starts, so the host's loops see an outage and resume instead of waiting for storage that never returns.
/// Disposing stops it gracefully (it writes its state), and it is not restarted then.
/// </summary>
/// <remarks>
/// Ctrl+C in a terminal sends SIGINT to the whole foreground process group, Azurite included, which then stops by
/// itself (exit code 0) while the host is still stopping. So a stop signal received by this process (SIGINT, SIGTERM,
/// SIGQUIT) means the host is stopping too: Azurite's exit after it is no crash, and it is not started again.
/// </remarks>
public sealed class SupervisedAzurite : IAsyncDisposable
{
    private static readonly TimeSpan MaxRestartDelay = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _signalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration[] _signals;
    private readonly Action<string> _log;
    private readonly Task _supervision;
    private AzuriteServer _server;

    private SupervisedAzurite(AzuriteServer server, Action<string> log)
    {
        _server = server;
        _log = log;
        // Only noted: the host's own handling of the signal (a graceful stop) goes on as without this.
        _signals = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }
            .Select(signal => PosixSignalRegistration.Create(signal, _ => _signalled.TrySetResult()))];
        _supervision = SuperviseAsync(_stopping.Token);
    }

    /// <summary>How long an exit of Azurite waits for the stop signal that may have reached both processes at once.</summary>
    private static readonly TimeSpan SignalGrace = TimeSpan.FromSeconds(2);

    public AzuriteServer Server => _server;

    /// <summary>
    /// Run after each restart, before the host's loops can use it again for real: the owner recreates the storage
    /// layout there (a crash can lose what Azurite had not persisted yet, containers and queues included).
    /// </summary>
    public Func<CancellationToken, Task>? AfterRestart { get; set; }

    /// <summary>Times Azurite was started again after exiting on its own.</summary>
    public int Restarts { get; private set; }

    public static async Task<SupervisedAzurite> StartAsync(AzuriteServerOptions options, Action<string> log, CancellationToken cancellationToken) =>
        new(await AzuriteServer.StartAsync(options, log, cancellationToken), log);

    private async Task SuperviseAsync(CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                var exitCode = await _server.WaitForExitAsync(stopping);
                // Asked to stop (exit code 0) as this process was, or about to be: the host is stopping; wait for it.
                if (exitCode == 0 && await StopSignalledAsync(stopping))
                {
                    _log("Azurite stopped with the host (a stop signal reached both)");
                    await Task.Delay(Timeout.InfiniteTimeSpan, stopping);
                }

                _log($"Azurite exited unexpectedly (exit code {exitCode}); starting it again on the same ports and data");
                var delay = TimeSpan.FromSeconds(1);
                while (true)
                {
                    try
                    {
                        var options = _server.Options;
                        await _server.DisposeAsync();
                        _server = await AzuriteServer.StartAsync(options, _log, stopping);
                        if (AfterRestart is { } afterRestart)
                            await afterRestart(stopping);
                        Restarts++;
                        _log($"Azurite is back on 127.0.0.1:{_server.BlobPort}");
                        break;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        _log($"Azurite did not start again ({e.Message.ReplaceLineEndings(" ")}); next try in {delay.TotalSeconds:0} s");
                        await Task.Delay(delay, stopping);
                        delay = delay * 2 > MaxRestartDelay ? MaxRestartDelay : delay * 2;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Disposing: the owner stops it.
        }
    }

    private async Task<bool> StopSignalledAsync(CancellationToken stopping)
    {
        try
        {
            await _signalled.Task.WaitAsync(SignalGrace, stopping);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var signal in _signals)
            signal.Dispose();
        await _stopping.CancelAsync();
        await _supervision;
        await _server.DisposeAsync();
        _stopping.Dispose();
    }
}
