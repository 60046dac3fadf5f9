using DigestPipeline.LocalHost.Azurite;
using Microsoft.Extensions.Configuration;

namespace DigestPipeline.Cli.Local;

/// <summary>
/// The storage account a command works on: the configured one; else the Azurite of a running <c>digest up</c>;
/// else an Azurite started for this command on free loopback ports, with its data under <c>.digest/</c>, stopped on dispose.
/// </summary>
public sealed class LocalStorage : IAsyncDisposable
{
    private readonly IAsyncDisposable? _ownServer;
    private readonly Workspace? _announcedIn;
    private bool _throwaway;

    private LocalStorage(string? connectionString, string description, IAsyncDisposable? ownServer, Workspace? announcedIn)
    {
        ConnectionString = connectionString;
        Description = description;
        _ownServer = ownServer;
        _announcedIn = announcedIn;
    }

    /// <summary>The connection string to use, or null when the configuration already names the account.</summary>
    public string? ConnectionString { get; }

    public string Description { get; }

    /// <summary>The Azurite this process owns and restarts if it dies (<c>digest up</c>), else null.</summary>
    public SupervisedAzurite? Supervised => _ownServer as SupervisedAzurite;

    /// <summary>True when another process (<c>digest up</c>) runs the pipeline on this account.</summary>
    public bool SharedWithRunningHost { get; private init; }

    /// <param name="freshLocation">A folder under <c>.digest/</c> to start from empty (the demo), or null for the shared <c>.digest/azurite</c>.</param>
    /// <param name="announceAsRunningHost">Record this Azurite so that other commands use it while this process runs (<c>digest up</c>, which holds the workspace's lock).</param>
    public static async Task<LocalStorage> OpenAsync(
        IConfiguration configuration, Workspace workspace, string? freshLocation, bool announceAsRunningHost, Action<string> log, CancellationToken cancellationToken)
    {
        if (IsConfigured(configuration))
            return new LocalStorage(null, "the configured storage account", null, null);

        if (freshLocation is null && !announceAsRunningHost && RunningHostRecord.TryRead(workspace) is { ConnectionString: { } shared } running)
        {
            return new LocalStorage(shared, $"the Azurite of the running 'digest up' (process {running.ProcessId})", null, null)
            {
                SharedWithRunningHost = true,
            };
        }

        var location = freshLocation ?? Path.Combine(workspace.DataDirectory, "azurite");
        if (freshLocation is not null && Directory.Exists(location))
            Directory.Delete(location, recursive: true);
        Directory.CreateDirectory(location);
        var options = new AzuriteServerOptions(Location: location, StartDirectory: workspace.Root);
        var relative = Path.GetRelativePath(workspace.Root, location);
        if (!announceAsRunningHost)
        {
            var server = await AzuriteServer.StartAsync(options, log, cancellationToken);
            return new LocalStorage(server.ConnectionString, $"Azurite on 127.0.0.1:{server.BlobPort} (data in {relative})", server, null)
            {
                // The demo's data is wiped at its next run: no need to wait (about 10 s) for Azurite to write it.
                _throwaway = freshLocation is not null,
            };
        }

        // The long-lived host owns its Azurite: started again if it ever exits on its own.
        var supervised = await SupervisedAzurite.StartAsync(options, line => Console.Error.WriteLine($"{DateTime.Now:HH:mm:ss} azurite: {line}"), cancellationToken);
        new RunningHostRecord(Environment.ProcessId, supervised.Server.ConnectionString, [], DateTimeOffset.UtcNow).Write(workspace);
        return new LocalStorage(supervised.Server.ConnectionString, $"Azurite on 127.0.0.1:{supervised.Server.BlobPort} (data in {relative})", supervised, workspace);
    }

    public async ValueTask DisposeAsync()
    {
        if (_announcedIn is not null)
            RunningHostRecord.DeleteOwn(_announcedIn);
        if (_throwaway && _ownServer is AzuriteServer server)
            await server.KillAsync();
        else if (_ownServer is not null)
            await _ownServer.DisposeAsync();
    }

    private static bool IsConfigured(IConfiguration configuration) =>
        configuration.GetSection("Storage").GetChildren().Any(c => !string.IsNullOrWhiteSpace(c.Value))
        || !string.IsNullOrWhiteSpace(configuration["AzureWebJobsStorage"])
        || configuration.GetSection("AzureWebJobsStorage").GetChildren().Any(c => !string.IsNullOrWhiteSpace(c.Value));
}
