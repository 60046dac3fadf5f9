using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DigestPipeline.Azure;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Benchmarks.Latency;
using DigestPipeline.Core.Access;
using DigestPipeline.Hosting;
using DigestPipeline.LocalHost.Azurite;
using DigestPipeline.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Benchmarks.Api;

/// <summary>
/// The <c>api</c> command: small documents uploaded through <c>POST /api/documents</c> (raw body, API key) to the web
/// app <c>digest up</c> serves, on a fresh in-memory Azurite on 127.0.0.1, with 1 and 4 requests in flight; and, in the
/// same run on the same Azurite, the same bytes uploaded as plain blobs by the SDK (the reference: the API's own cost
/// is what lies between). Only the API is measured: no triggers run, so ingest takes no CPU from it. Bounded: a fixed
/// number of uploads per round, no queue messages (so no Azurite purge).
/// </summary>
internal static class ApiUploadCommand
{
    private const int WarmUp = 50;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter log, CancellationToken cancellationToken)
    {
        var count = CommandLineOptions.Int(args, "--uploads", 1000);
        var bytes = CommandLineOptions.Int(args, "--bytes", 2048);
        var root = RepositoryRoot.Find();
        await using var azurite = await AzuriteServer.StartAsync(AzuriteServerOptions.InMemory with { StartDirectory = root }, log.WriteLine, cancellationToken);
        using var host = BuildHost(root, azurite.ConnectionString);
        await host.StartAsync(cancellationToken);
        try
        {
            var key = (await host.Services.GetRequiredService<ApiKeyRegistry>().AddAsync("benchmark", cancellationToken)).Key!.Key;
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 8 }) { BaseAddress = new Uri(host.PageAddresses()[0]) };
            var incoming = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(StorageNames.IncomingContainer);
            var storage = new StorageClients(incoming, new TableServiceClient(azurite.ConnectionString));
            if (!ApiKey.TryParse(key, out var keyId, out _))
                throw new InvalidOperationException("The new key does not have the key form.");

            var results = new List<(string System, int Concurrency, int Count, TimeSpan Elapsed, LatencyStatistics Latency)>();
            await log.WriteLineAsync($"== warm-up: {WarmUp} API and {WarmUp} blob uploads");
            await MeasureAsync(1, WarmUp, i => PostAsync(http, key, Document(bytes, "warm", i), cancellationToken));
            await MeasureAsync(1, WarmUp, i => incoming.GetBlobClient($"reference/warm/{i}.txt").UploadAsync(new BinaryData(Document(bytes, "warm-ref", i)), cancellationToken));
            foreach (var concurrency in new[] { 1, 4 })
            {
                await log.WriteLineAsync($"== {count} uploads, {concurrency} in flight");
                var (apiElapsed, apiLatencies) = await MeasureAsync(concurrency, count, i => PostAsync(http, key, Document(bytes, $"api-{concurrency}", i), cancellationToken));
                results.Add(("API (POST /api/documents)", concurrency, count, apiElapsed, LatencyStatistics.Of(apiLatencies)));
                var (blobElapsed, blobLatencies) = await MeasureAsync(concurrency, count, i =>
                    incoming.GetBlobClient($"reference/{concurrency}/{i}.txt").UploadAsync(new BinaryData(Document(bytes, $"blob-{concurrency}", i)), cancellationToken));
                results.Add(("plain blob upload (SDK)", concurrency, count, blobElapsed, LatencyStatistics.Of(blobLatencies)));
                var (sameElapsed, sameLatencies) = await MeasureAsync(concurrency, count, i =>
                    SameRequestsAsync(storage, keyId, $"requests/{concurrency}/{i}", Document(bytes, $"same-{concurrency}", i), cancellationToken));
                results.Add(("the API's storage requests by the SDK", concurrency, count, sameElapsed, LatencyStatistics.Of(sameLatencies)));
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Upload API on Azurite (in memory, 127.0.0.1), {bytes:N0}-byte text documents, {Environment.ProcessorCount} cores, load average {CommandLineOptions.LoadAverage()}"));
            await output.WriteLineAsync("| system | in flight | uploads | uploads/s | p50 ms | p99 ms | max ms |");
            await output.WriteLineAsync("| --- | --- | --- | --- | --- | --- | --- |");
            foreach (var (system, concurrency, n, elapsed, latency) in results)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"| {system} | {concurrency} | {n:N0} | {n / elapsed.TotalSeconds:F0} | {latency.MedianMs:F1} | {latency.P99Ms:F1} | {latency.MaxMs:F1} |"));
            }

            return 0;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static IHost BuildHost(string root, string connectionString) =>
        DigestPipelineHost.Create(new HostApplicationBuilderSettings { ContentRootPath = root, ApplicationName = "digest-api-benchmark" }, serveSubscriberPages: true, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = connectionString,
                ["Themes:Path"] = Path.Combine(root, "seeds", "themes.json"),
                ["Subscriptions:TokenSecret"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
                ["Mail:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "digest-api-benchmark-mail"),
                ["Web:Urls"] = "http://127.0.0.1:0",
                // The rate limit is the API's too, but not what is measured here.
                ["Api:RequestsPerMinute"] = "100000000",
                ["Api:Burst"] = "100000000",
            });
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddDigestPipeline(builder.Configuration);
            builder.Services.AddDigestMail(builder.Configuration);
            builder.Services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        });

    private static async Task PostAsync(HttpClient http, string key, byte[] document, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents?name=note.txt") { Content = new ByteArrayContent(document) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        request.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != System.Net.HttpStatusCode.Accepted)
            throw new InvalidOperationException($"POST /api/documents answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    private sealed record StorageClients(BlobContainerClient Incoming, TableServiceClient Tables);

    /// <summary>
    /// What one API upload asks of storage, by a plain SDK loop: the key's point read, the blob streamed as the intake
    /// streams it (unknown length, <c>If-None-Match: *</c>, 1 MB transfers) and the receipt's insert.
    /// </summary>
    private static async Task SameRequestsAsync(StorageClients storage, string keyId, string name, byte[] document, CancellationToken cancellationToken)
    {
        await storage.Tables.GetTableClient(StorageNames.ApiKeysTable).GetEntityIfExistsAsync<TableEntity>("key", keyId, cancellationToken: cancellationToken);
        await using var body = new UnknownLength(document);
        await storage.Incoming.GetBlobClient(name).UploadAsync(body, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" },
            Conditions = new BlobRequestConditions { IfNoneMatch = global::Azure.ETag.All },
            TransferOptions = new global::Azure.Storage.StorageTransferOptions { InitialTransferSize = 1024 * 1024, MaximumTransferSize = 1024 * 1024, MaximumConcurrency = 1 },
        }, cancellationToken);
        await storage.Tables.GetTableClient(StorageNames.ApiUploadsTable).AddEntityAsync(new TableEntity(Guid.NewGuid().ToString("N"), "upload") { ["BlobName"] = name }, cancellationToken);
    }

    /// <summary>A request body as the API gets it: its length unknown to the SDK.</summary>
    private sealed class UnknownLength(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    /// <summary>A small text document, different for each upload.</summary>
    private static byte[] Document(int bytes, string round, int index)
    {
        var text = new StringBuilder(bytes + 100).Append(CultureInfo.InvariantCulture, $"Upload {round} {index}.\n");
        while (text.Length < bytes)
            text.Append("The grid operator publishes its winter outlook for hospitals and schools. ");
        return Encoding.UTF8.GetBytes(text.ToString(0, bytes));
    }

    private static async Task<(TimeSpan Elapsed, List<TimeSpan> Latencies)> MeasureAsync(int concurrency, int count, Func<int, Task> once)
    {
        var latencies = new List<TimeSpan>[concurrency];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            latencies[worker] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = clock.Elapsed;
                await once(i);
                latencies[worker].Add(clock.Elapsed - started);
            }
        }));
        return (clock.Elapsed, latencies.SelectMany(l => l).ToList());
    }
}
