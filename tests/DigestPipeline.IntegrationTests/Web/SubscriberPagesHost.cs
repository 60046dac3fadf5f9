using Azure.Data.Tables;
using DigestPipeline.Azure;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Hosting;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace DigestPipeline.IntegrationTests.Web;

/// <summary>
/// A host serving the subscriber pages as <c>digest up</c> does (real Kestrel, real Azurite), by default on a free
/// port of 127.0.0.1, with an <see cref="HttpClient"/> on it and the tools to set up and read the storage.
/// </summary>
public sealed class SubscriberPagesHost : IAsyncDisposable
{
    public const string TokenSecret = "subscriber-pages-test-secret-not-used-anywhere-else";

    private SubscriberPagesHost(IHost host, AzuriteFixture azurite)
    {
        Host = host;
        Addresses = host.PageAddresses();
        Http = new HttpClient { BaseAddress = new Uri(Addresses[0]) };
        SubscriberRows = new TableServiceClient(azurite.ConnectionString).GetTableClient(StorageNames.SubscribersTable);
    }

    public IHost Host { get; }

    /// <summary>Where the pages are served (a port 0 resolved).</summary>
    public IReadOnlyList<string> Addresses { get; }

    public HttpClient Http { get; }

    public TableClient SubscriberRows { get; }

    public SubscriberTokens Tokens => Get<SubscriberTokens>();

    /// <param name="webUrls">Web:Urls; null leaves the default.</param>
    /// <param name="extraSettings">More settings, such as Mail:Smtp:Host for a maildev; without it mail goes to a temporary pickup folder.</param>
    /// <param name="configure">More services, registered after the pages' own (given the host's configuration).</param>
    /// <param name="clock">The host's clock (a <c>FakeTimeProvider</c>, so that tokens expire and days pass without waiting); the system's when null.</param>
    public static async Task<SubscriberPagesHost> StartAsync(
        AzuriteFixture azurite, CancellationToken cancellationToken, string? webUrls = "http://127.0.0.1:0",
        IReadOnlyDictionary<string, string?>? extraSettings = null, Action<IServiceCollection, IConfiguration>? configure = null,
        TimeProvider? clock = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Themes:Path"] = Path.Combine(AppContext.BaseDirectory, "seeds", "themes.json"),
            ["Subscriptions:TokenSecret"] = TokenSecret,
            ["Mail:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "digestpipeline-web-tests-mail"),
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
            settings[key] = value;
        if (webUrls is not null)
            settings["Web:Urls"] = webUrls;
        var host = azurite.BuildHost(settings, services =>
        {
            services.AddDigestPipeline(azurite.Configuration(settings));
            services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
            services.AddDigestMail(azurite.Configuration(settings));
            configure?.Invoke(services, azurite.Configuration(settings));
            if (clock is not null)
                services.Replace(ServiceDescriptor.Singleton(clock));
        }, serveSubscriberPages: true);
        await host.StartAsync(cancellationToken);
        return new SubscriberPagesHost(host, azurite);
    }

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public async Task<Subscriber> SubscribeAsync(string email, IReadOnlyList<string> themes, string language, CancellationToken cancellationToken)
    {
        var subscriber = new Subscriber(Subscriber.IdFor(email), email, "Test", themes, language, "0 7 * * *", "Europe/Paris",
            SubscriberState.Active, DateTimeOffset.UtcNow);
        await Get<ISubscriberStore>().UpsertAsync(subscriber, cancellationToken);
        return subscriber;
    }

    /// <summary>The subscriber's row as stored in the Subscribers table (its ETag changes on any write).</summary>
    public async Task<TableEntity> RowAsync(string subscriberId, CancellationToken cancellationToken) =>
        (await SubscriberRows.GetEntityAsync<TableEntity>(TableKey.Encode(subscriberId), SubscriberEntity.Row, cancellationToken: cancellationToken)).Value;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.StopAsync(CancellationToken.None);
        Host.Dispose();
    }
}
