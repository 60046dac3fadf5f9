using System.Runtime.CompilerServices;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DigestPipeline.LocalHost.Azurite;
using DigestPipeline.Azure.Queues;
using DigestPipeline.LocalHost;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh in-memory Azurite per test class (<c>IClassFixture&lt;AzuriteFixture&gt;</c>), started from the
/// repository's <c>tools/</c>, with helpers to build the services or a whole host against it.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite is not started.");

    public string ConnectionString => Server.ConnectionString;

    public async ValueTask InitializeAsync() =>
        _server = await AzuriteServer.StartAsync(new AzuriteServerOptions(StartDirectory: SourceDirectory(), StartTimeout: TestWaits.Scaled(AzuriteServerOptions.DefaultStartTimeout)),
            cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>This file's folder, inside the repository even when the build output is elsewhere (--artifacts-path).</summary>
    private static string? SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    /// <summary>The settings every service built here gets: the connection string, plus <paramref name="settings"/>.</summary>
    public IConfiguration Configuration(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["Storage:ConnectionString"] = ConnectionString };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>The storage adapters (and, with <paramref name="localHost"/>, the local host's services) on this Azurite.</summary>
    public ServiceProvider BuildServices(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, bool localHost = false)
    {
        var configuration = Configuration(settings);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        if (localHost)
            services.AddLocalFunctionsHost(configuration);
        else
            services.AddDigestPipelineStorage(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>
    /// A host with storage registered; <paramref name="configure"/> adds the hosted services under test. With
    /// <paramref name="serveSubscriberPages"/>, one web application serving the pages on <c>Web:Urls</c>, as <c>digest up</c>.
    /// </summary>
    public IHost BuildHost(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, bool serveSubscriberPages = false) =>
        DigestPipelineHost.Create(new HostApplicationBuilderSettings(), serveSubscriberPages, builder =>
        {
            builder.Configuration.AddConfiguration(Configuration(settings));
            builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddDigestPipelineStorage(builder.Configuration);
            configure?.Invoke(builder.Services);
        });

    /// <summary>A queue client that sees messages exactly as stored (no encoding).</summary>
    public QueueClient RawQueue(string name) => new(ConnectionString, name);

    public BlobServiceClient Blobs() => new(ConnectionString);
}
