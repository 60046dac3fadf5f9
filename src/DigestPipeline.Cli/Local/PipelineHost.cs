using DigestPipeline.Azure.Queues;
using DigestPipeline.Hosting;
using DigestPipeline.LocalHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Cli.Local;

/// <summary>Builds the configuration and the host of a <c>digest</c> command.</summary>
public static class PipelineHost
{
    /// <summary>
    /// Configuration, lowest priority first: the workspace defaults (seeds/themes.json, .digest/mail),
    /// host.json, appsettings.json, environment variables (<c>Storage__ConnectionString</c>, <c>Mail__Smtp__Host</c>, ...),
    /// then <paramref name="overrides"/>. When none of them sets <c>Subscriptions:TokenSecret</c>, the
    /// workspace's own random secret (<see cref="LocalTokenSecret"/>) is used.
    /// </summary>
    public static IConfigurationRoot Configuration(Workspace workspace, IDictionary<string, string?>? overrides = null)
    {
        var builder = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Themes:Path"] = workspace.ThemesFile,
                ["Mail:PickupDirectory"] = Path.Combine(workspace.DataDirectory, "mail"),
            })
            .AddHostJson(workspace.Root)
            .AddJsonFile(Path.Combine(workspace.Root, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());
        var configuration = builder.Build();
        if (LocalTokenSecret.IsConfigured(configuration))
            return configuration;

        (configuration as IDisposable)?.Dispose();
        builder.AddInMemoryCollection(new Dictionary<string, string?> { [LocalTokenSecret.Key] = LocalTokenSecret.ReadOrCreate(workspace) });
        return builder.Build();
    }

    /// <param name="runTriggers">Run the local Functions host (queue pump, blob watcher, timer) inside this host.</param>
    /// <param name="serveSubscriberPages">Serve the subscriber pages (unsubscribe, view digest, source page) on <c>Web:Urls</c>: the host is then one web application.</param>
    public static IHost Build(IConfiguration configuration, Workspace workspace, bool runTriggers, LogLevel logLevel, bool serveSubscriberPages = false) =>
        DigestPipelineHost.Create(new HostApplicationBuilderSettings { ContentRootPath = workspace.Root, ApplicationName = "digest" }, serveSubscriberPages, builder =>
        {
            builder.Configuration.AddConfiguration(configuration);
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            }).SetMinimumLevel(logLevel);
            builder.AddDigestPipeline();
            if (runTriggers)
                builder.Services.AddLocalFunctionsHost(builder.Configuration);
        });
}
