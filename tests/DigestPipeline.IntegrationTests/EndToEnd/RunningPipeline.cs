using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Azure;
using DigestPipeline.Azure.Queues;
using DigestPipeline.LocalHost;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Hosting;
using DigestPipeline.Hosting.Translation;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.IntegrationTests.EndToEnd;

/// <summary>
/// The whole pipeline as <c>digest up</c> runs it (blob watcher, queue pump with host.json's settings, timer,
/// SMTP delivery) on a real Azurite and a real maildev. Tests drive it only through storage, as a user would.
/// </summary>
public sealed class RunningPipeline : IAsyncDisposable
{
    private RunningPipeline(IHost host, string connectionString)
    {
        Host = host;
        Blobs = new BlobServiceClient(connectionString);
        Tables = new TableServiceClient(connectionString);
    }

    /// <summary>The signing secret of this test host: tests check the links of the digests it sends with it.</summary>
    public const string TokenSecret = "end-to-end-test-secret-not-used-anywhere-else";

    public const string PublicBaseUrl = "https://digest.example.test";

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }

    /// <param name="settings">Settings over this class's own (another Subscriptions:PublicBaseUrl, a broken SMTP port, a shorter claim timeout...).</param>
    /// <param name="serveSubscriberPages">Serve the subscriber pages on Web:Urls too, as <c>digest up</c> does.</param>
    /// <param name="configure">What a test adds to the host (a log capture), after everything else.</param>
    public static Task<RunningPipeline> StartAsync(
        AzuriteFixture azurite, MaildevFixture maildev, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? settings = null, bool serveSubscriberPages = false, Action<IHostApplicationBuilder>? configure = null) =>
        StartAsync(azurite.ConnectionString, maildev.Host, maildev.SmtpPort, cancellationToken, settings, serveSubscriberPages, configure);

    /// <summary>The same host on any storage account and SMTP server (a fault test's own Azurite or maildev).</summary>
    public static async Task<RunningPipeline> StartAsync(
        string connectionString, string smtpHost, int smtpPort, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? settings = null, bool serveSubscriberPages = false, Action<IHostApplicationBuilder>? configure = null)
    {
        var host = DigestPipelineHost.Create(new HostApplicationBuilderSettings(), serveSubscriberPages, builder =>
        {
            builder.Configuration
                .AddHostJson(AppContext.BaseDirectory)
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Storage:ConnectionString"] = connectionString,
                    ["Themes:Path"] = Path.Combine(AppContext.BaseDirectory, "seeds", "themes.json"),
                    ["Mail:Smtp:Host"] = smtpHost,
                    ["Mail:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
                    ["Mail:Smtp:Security"] = "None",
                    ["LocalHost:BlobPollInterval"] = "00:00:00.100",
                    // Retries at once instead of host.json's 5 s, so that poison tests take no longer than needed.
                    ["extensions:queues:visibilityTimeout"] = "00:00:00",
                    // The tests wait for "summarized" before planning, so no settle time is needed.
                    ["Digests:IndexSettleTime"] = "00:00:00",
                    // Tests plan when they mean to (PlanNowAsync, PlanDueAsync): the planning timer, every 5 minutes by
                    // default, would add digests of its own to a test that runs across one of its ticks.
                    ["Digests:PlanSchedule"] = "0 0 1 1 *",
                    ["Subscriptions:TokenSecret"] = TokenSecret,
                    ["Subscriptions:PublicBaseUrl"] = PublicBaseUrl,
                })
                .AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
            builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddDigestPipeline(builder.Configuration);
            builder.Services.AddDigestMail(builder.Configuration);
            // Nothing without Translation:Endpoint, as in every host.
            builder.Services.AddDigestTranslation(builder.Configuration);
            builder.Services.AddLocalFunctionsHost(builder.Configuration);
            configure?.Invoke(builder);
        });
        await host.StartAsync(cancellationToken);
        return new RunningPipeline(host, connectionString);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task UploadAsync(string blobName, byte[] content, CancellationToken cancellationToken)
    {
        var container = Blobs.GetBlobContainerClient(StorageNames.IncomingContainer);
        await container.GetBlobClient(blobName).UploadAsync(new BinaryData(content), cancellationToken);
    }

    /// <summary>Uploads to <c>incoming</c> and waits until the pipeline has summarized that content.</summary>
    public async Task<SourceDocument> UploadAndWaitForSummaryAsync(string blobName, byte[] bytes, CancellationToken cancellationToken)
    {
        var document = new DocumentReader(new DocumentReaderOptions()).Read(blobName, bytes, DateTimeOffset.UtcNow, cancellationToken: cancellationToken);
        await UploadAsync(blobName, bytes, cancellationToken);
        await EventuallyAsync(async () =>
            (await Get<IDocumentRecords>().GetRecordAsync(document.Id, cancellationToken)) is { Status: DocumentStatus.Summarized } record ? record : null,
            $"document {blobName} to be summarized", cancellationToken);
        return document;
    }

    public async Task<List<DocumentRecord>> DocumentRecordsAsync(CancellationToken cancellationToken)
    {
        var records = new List<DocumentRecord>();
        await foreach (var record in Get<IDocumentRecords>().ListRecordsAsync(cancellationToken))
            records.Add(record);
        return records;
    }

    /// <summary>Polls until <paramref name="condition"/> returns a value, or fails the test after <paramref name="timeout"/>.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> condition, string what, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + TestWaits.Scaled(timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await condition() is { } value)
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Waits until the blob watcher has published <paramref name="publishedAtLeast"/> events in all and the work queues are empty.</summary>
    /// <param name="timeout">How long before the test fails (default 60 s, scaled); longer where the host first has to notice storage is back.</param>
    public async Task WaitUntilIdleAsync(long publishedAtLeast, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var watcher = Services.GetServices<IHostedService>().OfType<BlobWatcher>().Single();
        var queues = new global::Azure.Storage.Queues.QueueServiceClient(Get<IConfiguration>()["Storage:ConnectionString"]);
        await EventuallyAsync<object>(async () =>
        {
            if (watcher.Published < publishedAtLeast)
                return null;
            foreach (var queue in StorageNames.Queues)
            {
                if ((await queues.GetQueueClient(queue).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount > 0)
                    return null;
            }

            return true;
        }, "the pipeline to be idle", cancellationToken, timeout);
    }

    public async Task<Subscriber> SubscribeAsync(string email, string language, IReadOnlyList<string> themes, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        // Reading French too whatever their digest language: the seed article the tests upload is French.
        var subscriber = new Subscriber(Subscriber.IdFor(email), email, "Test " + language, themes, language, "* * * * *", "Europe/Paris",
            SubscriberState.Active, createdAt) { AlsoReads = ReadingLanguages.Others(language, ["fr"]) };
        await Get<ISubscriberStore>().UpsertAsync(subscriber, cancellationToken);
        return subscriber;
    }

    /// <summary>
    /// Active subscribers on energy-compute (English digests, reading French), due once a year (1 January, not now): hosts' own planners add no period
    /// of theirs to a run the test plans itself. Returns their ids.
    /// </summary>
    public async Task<List<string>> AddSubscribersDueOnceAYearAsync(IEnumerable<string> addresses, string name, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var address in addresses)
        {
            // English digests of the French seed article: they read French too.
            var subscriber = new Subscriber(Subscriber.IdFor(address), address, name, ["energy-compute"], "en", "0 0 1 1 *", "Europe/Paris",
                SubscriberState.Active, DateTimeOffset.UtcNow) { AlsoReads = ["fr"] };
            await Get<ISubscriberStore>().UpsertAsync(subscriber, cancellationToken);
            ids.Add(subscriber.Id);
        }

        return ids;
    }

    /// <summary>The seed article with a line of its own, so that each test has its own document (the same content is one document).</summary>
    public static byte[] SeedArticle(string variant) =>
        Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "documents", "fr-tech-basel-ai-summit-miami.txt"))
                               + $"\n\nNote de la rédaction : version {variant}.\n");

    public static bool SentTo(MaildevEmail email, string address) =>
        email.To?.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)) == true;

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        Host.Dispose();
    }
}
