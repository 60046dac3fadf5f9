using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Sources;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DigestPipeline.IntegrationTests.Sources;

/// <summary>
/// The poller as the hosts build it (Core's services on the storage adapters) on a test's Azurite, with a fake clock
/// for schedules and back-off, private addresses allowed for the loopback feed server unless a test says otherwise,
/// and short caps so that the slow and huge answers are cut quickly.
/// </summary>
public sealed class SourcesUnderTest : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private SourcesUnderTest(ServiceProvider services, FakeTimeProvider time)
    {
        _services = services;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public ISourceStore Store => _services.GetRequiredService<ISourceStore>();

    public PollSourcesHandler Handler => _services.GetRequiredService<PollSourcesHandler>();

    public SourcePoller Poller => _services.GetRequiredService<SourcePoller>();

    public static async Task<SourcesUnderTest> StartAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Sources:AllowPrivateAddresses"] = "true",
            ["Sources:RequestTimeout"] = "00:00:02",
            ["Sources:MaxFeedBytes"] = "262144",
            ["Sources:MaxPageBytes"] = "262144",
            ["Themes:Path"] = Path.Combine(AppContext.BaseDirectory, "seeds", "themes.json"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var time = new FakeTimeProvider(Start);
        var services = azurite.BuildServices(all, s => s.AddDigestPipelineCore().AddDigestMail(azurite.Configuration(all)).AddSingleton<TimeProvider>(time));
        await services.GetRequiredService<StorageInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
        return new SourcesUnderTest(services, time);
    }

    public async Task<FeedSource> AddAsync(Uri url, TimeSpan? every = null) =>
        await Store.AddAsync(new FeedSource(FeedSource.IdFor(url), url.AbsolutePath, url, every ?? TimeSpan.FromMinutes(30), Start, Start), TestContext.Current.CancellationToken);

    /// <summary>
    /// Polls the source now, from its stored state, and stores the new state, as the timer does for a due source (the
    /// tests of a class share one Azurite, so the sources of the other tests are left alone).
    /// </summary>
    public async Task<PollReport> PollAsync(FeedSource source)
    {
        var report = await Poller.PollAsync(await StateAsync(source), Time.GetUtcNow(), TestContext.Current.CancellationToken);
        await Store.SaveStateAsync(report.Source, TestContext.Current.CancellationToken);
        return report;
    }

    public async Task<FeedSource> StateAsync(FeedSource source) =>
        (await Store.ListAsync(TestContext.Current.CancellationToken)).Single(s => s.Id == source.Id);

    public BlobClient Upload(string identity) =>
        _services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.IncomingContainer).GetBlobClient(ItemIdentity.BlobName(ItemIdentity.Hash(identity)));

    public async Task<(string Text, IDictionary<string, string> Metadata, string ETag)> ReadUploadAsync(string identity)
    {
        var download = await Upload(identity).DownloadContentAsync(TestContext.Current.CancellationToken);
        return (download.Value.Content.ToString(), download.Value.Details.Metadata, download.Value.Details.ETag.ToString());
    }

    public async Task<List<string>> UploadNamesAsync()
    {
        var names = new List<string>();
        await foreach (var blob in _services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.IncomingContainer)
                           .GetBlobsAsync(BlobTraits.None, BlobStates.None, "web/", TestContext.Current.CancellationToken))
            names.Add(blob.Name);
        return names;
    }

    public static UploadMetadata Origin(IDictionary<string, string> metadata) => UploadMetadata.Read(metadata.AsReadOnly());

    public static string Minutes(int n) => TimeSpan.FromMinutes(n).ToString("c", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
