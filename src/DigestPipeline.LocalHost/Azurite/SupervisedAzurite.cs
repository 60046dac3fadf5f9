namespace DigestPipeline.LocalHost.Azurite;

/// <summary>
/// The Azurite a long-lived host started and owns (<c>digest up</c>): if its process exits while the host runs (a
/// crash, an out-of-memory kill), it is started again on the same ports and folder, with a back-off between failed
/// starts, so the host's loops see an outage and resume instead of waiting for storage that never returns.
/// Disposing stops it gracefully (it writes its state), and it is not restarted then.
/// </summary>
public sealed class SupervisedAzurite : IAsyncDisposable
{
    private static readonly TimeSpan MaxRestartDelay = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Action<string> _log;
    private readonly Task _supervision;
    private AzuriteServer _server;

    private SupervisedAzurite(AzuriteServer server, Action<string> log)
    {
        _server = server;
        _log = log;
        _supervision = SuperviseAsync(_stopping.Token);
    }

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

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _supervision;
        await _server.DisposeAsync();
        _stopping.Dispose();
    }
}
