using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using DigestPipeline.Azure;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Access;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Observability;
using DigestPipeline.IntegrationTests.Web;
using DigestPipeline.LocalHost;
using DigestPipeline.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace DigestPipeline.IntegrationTests.Api;

/// <summary>
/// The upload API as <c>digest up</c> serves it (real Kestrel on 127.0.0.1, real Azurite), every log record captured;
/// and, started apart when a test wants it, the pipeline's triggers on the same Azurite (as Event Grid and the Functions
/// app are apart from the API in Azure), so that a test can see an upload "received" before anything ingests it.
/// </summary>
public sealed class DocumentApiHost : IAsyncDisposable
{
    private readonly AzuriteFixture _azurite;
    private IHost? _pipeline;

    private DocumentApiHost(AzuriteFixture azurite, SubscriberPagesHost pages, LogCapture logs)
    {
        _azurite = azurite;
        Pages = pages;
        Logs = logs;
    }

    public SubscriberPagesHost Pages { get; }

    public HttpClient Http => Pages.Http;

    public LogCapture Logs { get; }

    public static async Task<DocumentApiHost> StartAsync(AzuriteFixture azurite, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var logs = new LogCapture();
        var pages = await SubscriberPagesHost.StartAsync(azurite, cancellationToken, extraSettings: settings, configure: (services, _) =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.Configure<LoggerFilterOptions>(filters =>
                filters.Rules.Add(new LoggerFilterRule(typeof(LogCapture).FullName, null, LogLevel.Trace, null)));
        });
        return new DocumentApiHost(azurite, pages, logs);
    }

    /// <summary>A new API key, created as <c>digest key add</c> does.</summary>
    public async Task<string> AddKeyAsync(string name, CancellationToken cancellationToken) =>
        (await Pages.Get<ApiKeyRegistry>().AddAsync(name + "-" + Guid.NewGuid().ToString("N")[..8], cancellationToken)).Key.ShouldNotBeNull().Key;

    /// <summary>The blob watcher, ingest and summarize on the same Azurite, logging into the same capture.</summary>
    public async Task StartPipelineAsync(CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Themes:Path"] = Path.Combine(AppContext.BaseDirectory, "seeds", "themes.json"),
            ["Subscriptions:TokenSecret"] = SubscriberPagesHost.TokenSecret,
            ["Mail:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "digestpipeline-api-tests-mail"),
            ["LocalHost:BlobPollInterval"] = "00:00:00.100",
            ["Digests:PlanSchedule"] = "0 0 1 1 *",
        };
        var configuration = _azurite.Configuration(settings);
        _pipeline = _azurite.BuildHost(settings, services =>
        {
            services.AddDigestPipeline(configuration);
            services.AddDigestMail(configuration);
            services.AddLocalFunctionsHost(configuration);
            services.AddSingleton<ILoggerProvider>(Logs);
            services.Configure<LoggerFilterOptions>(filters =>
                filters.Rules.Add(new LoggerFilterRule(typeof(LogCapture).FullName, null, LogLevel.Trace, null)));
        });
        await _pipeline.StartAsync(cancellationToken);
    }

    public static HttpRequestMessage Post(string key, HttpContent content, string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents" + query) { Content = content };
        request.Headers.Add("X-Api-Key", key);
        return request;
    }

    public static HttpRequestMessage Get(string key, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", key);
        return request;
    }

    public static ByteArrayContent Bytes(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public async Task<JsonElement> GetJsonAsync(string key, string path, CancellationToken cancellationToken)
    {
        using var response = await Http.SendAsync(Get(key, path), cancellationToken);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync(cancellationToken));
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary>Polls the upload's status address until its state is <paramref name="state"/>.</summary>
    public async Task<JsonElement> WaitForStateAsync(string key, string statusPath, string state, CancellationToken cancellationToken)
    {
        var found = await RunningPipeline.EventuallyAsync<JsonElement?>(async () =>
        {
            var json = await GetJsonAsync(key, statusPath, cancellationToken);
            return json.GetProperty("state").GetString() == state ? json : null;
        }, $"{statusPath} to be {state}", cancellationToken);
        return found!.Value;
    }

    /// <summary>Every blob the API wrote into <c>incoming</c>, as the watcher and Event Grid see them (committed blobs).</summary>
    public async Task<List<BlobItem>> ApiBlobsAsync(CancellationToken cancellationToken)
    {
        var blobs = new List<BlobItem>();
        await foreach (var blob in _azurite.Blobs().GetBlobContainerClient(StorageNames.IncomingContainer)
                           .GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix: "api/", cancellationToken: cancellationToken))
            blobs.Add(blob);
        return blobs;
    }

    public async ValueTask DisposeAsync()
    {
        if (_pipeline is not null)
        {
            await _pipeline.StopAsync(CancellationToken.None);
            _pipeline.Dispose();
        }

        await Pages.DisposeAsync();
    }
}
