using DigestPipeline.Azure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Cli.Local;

/// <summary>What a command works with: the workspace, its storage account (started when needed) and a started host.</summary>
public sealed class CommandEnvironment : IAsyncDisposable
{
    private CommandEnvironment(Workspace workspace, IConfiguration configuration, LocalStorage storage, IHost host)
    {
        Workspace = workspace;
        Configuration = configuration;
        Storage = storage;
        Host = host;
    }

    public Workspace Workspace { get; }

    public IConfiguration Configuration { get; }

    public LocalStorage Storage { get; }

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    /// <param name="runTriggers">Run the queue pump, blob watcher and timer in this process.</param>
    /// <param name="announceAsRunningHost">Let other commands use this process's Azurite (<c>digest up</c>).</param>
    /// <param name="freshLocation">Start Azurite from an empty folder (the demo) instead of the shared <c>.digest/azurite</c>.</param>
    /// <param name="overrides">Settings that win over every other source.</param>
    /// <param name="serveSubscriberPages">Serve the subscriber pages on <c>Web:Urls</c> (<c>digest up</c>; needs <paramref name="runTriggers"/>).</param>
    public static async Task<CommandEnvironment> OpenAsync(
        bool runTriggers, bool announceAsRunningHost, LogLevel logLevel, CancellationToken cancellationToken,
        string? freshLocation = null, IReadOnlyDictionary<string, string?>? overrides = null, bool serveSubscriberPages = false)
    {
        var workspace = Workspace.Find();
        var settings = new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>());
        var configuration = PipelineHost.Configuration(workspace, settings);
        var storage = await LocalStorage.OpenAsync(configuration, workspace, freshLocation, announceAsRunningHost, _ => { }, cancellationToken);
        try
        {
            if (storage.ConnectionString is not null)
            {
                settings["Storage:ConnectionString"] = storage.ConnectionString;
                configuration = PipelineHost.Configuration(workspace, settings);
            }

            var host = PipelineHost.Build(configuration, workspace, runTriggers, logLevel, serveSubscriberPages && runTriggers);
            if (storage.Supervised is { } supervised)
                supervised.AfterRestart = host.Services.GetRequiredService<StorageInitializer>().InitializeAsync;
            if (runTriggers)
                await host.StartAsync(cancellationToken);
            else
                await host.Services.GetRequiredService<StorageInitializer>().InitializeAsync(cancellationToken);
            return new CommandEnvironment(workspace, configuration, storage, host);
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
