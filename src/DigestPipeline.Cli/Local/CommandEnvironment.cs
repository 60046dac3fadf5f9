using DigestPipeline.Azure.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Cli.Local;

/// <summary>What a command works with: the workspace, its storage account (started when needed) and a started host.</summary>
public sealed class CommandEnvironment : IAsyncDisposable
{
    private CommandEnvironment(Workspace workspace, LocalStorage storage, IHost host)
    {
        Workspace = workspace;
        Storage = storage;
        Host = host;
    }

    public Workspace Workspace { get; }

    public LocalStorage Storage { get; }

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    /// <param name="runTriggers">Run the queue pump, blob watcher and timer in this process.</param>
    /// <param name="announceAsRunningHost">Let other commands use this process's Azurite (<c>digest up</c>).</param>
    public static async Task<CommandEnvironment> OpenAsync(bool runTriggers, bool announceAsRunningHost, LogLevel logLevel, CancellationToken cancellationToken)
    {
        var workspace = Workspace.Find();
        var configuration = PipelineHost.Configuration(workspace);
        var storage = await LocalStorage.OpenAsync(configuration, workspace, freshLocation: null, announceAsRunningHost, _ => { }, cancellationToken);
        try
        {
            if (storage.ConnectionString is not null)
                configuration = PipelineHost.Configuration(workspace, new Dictionary<string, string?> { ["Storage:ConnectionString"] = storage.ConnectionString });
            var host = PipelineHost.Build(configuration, workspace, runTriggers, logLevel);
            if (runTriggers)
                await host.StartAsync(cancellationToken);
            else
                await host.Services.GetRequiredService<StorageInitializer>().InitializeAsync(cancellationToken);
            return new CommandEnvironment(workspace, storage, host);
        }
        catch
        {
            await storage.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        Host.Dispose();
        await Storage.DisposeAsync();
    }
}
