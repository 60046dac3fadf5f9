using DigestPipeline.Azure;
using DigestPipeline.LocalHost.Azurite;
using DigestPipeline.Azure.Queues;
using DigestPipeline.LocalHost;
using DigestPipeline.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Benchmarks.Latency;

/// <summary>
/// A fresh in-memory Azurite and the running local host on it (blob watcher, queue pump, timer), built the way the
/// <c>digest</c> command builds it (src/DigestPipeline.Cli/Local/PipelineHost.cs). Disposing stops both.
/// </summary>
internal sealed class PipelineUnderTest : IAsyncDisposable
{
    private readonly string _mailDirectory;

    private PipelineUnderTest(AzuriteServer azurite, IHost host, string mailDirectory)
    {
        Azurite = azurite;
        Host = host;
        _mailDirectory = mailDirectory;
    }

    public AzuriteServer Azurite { get; private set; }

    public IHost Host { get; }

    public static async Task<PipelineUnderTest> StartAsync(
        string repositoryRoot, IReadOnlyDictionary<string, string?> overrides, TextWriter log, CancellationToken cancellationToken,
        Action<IServiceCollection>? configureServices = null, AzuriteServerOptions? azuriteOptions = null)
    {
        var azurite = await AzuriteServer.StartAsync(
            (azuriteOptions ?? AzuriteServerOptions.InMemory) with { StartDirectory = repositoryRoot }, log.WriteLine, cancellationToken);
        var mailDirectory = Directory.CreateTempSubdirectory("digest-bench-mail-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Storage:ConnectionString"] = azurite.ConnectionString,
                    ["Themes:Path"] = Path.Combine(repositoryRoot, "seeds", "themes.json"),
                    ["Mail:PickupDirectory"] = mailDirectory,
                    // A throwaway secret: this harness's links are never followed.
                    ["Subscriptions:TokenSecret"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
                })
                .AddHostJson(repositoryRoot)
                .AddInMemoryCollection(overrides)
                .Build();

            var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
            {
                ContentRootPath = repositoryRoot,
                ApplicationName = "digest-latency",
            });
            builder.Configuration.AddConfiguration(configuration);
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddDigestPipeline(builder.Configuration);
            builder.Services.AddDigestMail(builder.Configuration);
            builder.Services.AddLocalFunctionsHost(builder.Configuration);
            configureServices?.Invoke(builder.Services);
            var host = builder.Build();
            await host.StartAsync(cancellationToken);
            return new PipelineUnderTest(azurite, host, mailDirectory);
        }
        catch
        {
            await azurite.DisposeAsync();
            Directory.Delete(mailDirectory, recursive: true);
            throw;
        }
    }

    /// <summary>Stops Azurite gracefully (an outage begins); <see cref="StartAzuriteAgainAsync"/> ends it.</summary>
    public ValueTask StopAzuriteAsync() => Azurite.DisposeAsync();

    /// <summary>Starts Azurite again on the same ports and folder: the host's clients find it where it was.</summary>
    public async Task StartAzuriteAgainAsync(CancellationToken cancellationToken) =>
        Azurite = await AzuriteServer.StartAsync(Azurite.Options, cancellationToken: cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await Host.StopAsync(stopping.Token);
            Host.Dispose();
        }
        finally
        {
            await Azurite.DisposeAsync();
            Directory.Delete(_mailDirectory, recursive: true);
        }
    }
}
