using System.Diagnostics;
using System.Globalization;
using System.Net;
using Azure.Storage.Blobs;
using DigestPipeline.Azure;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Benchmarks.Latency;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Themes;
using DigestPipeline.Hosting;
using DigestPipeline.LocalHost.Azurite;
using DigestPipeline.Mail;
using DigestPipeline.Web.Console;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Not "…Benchmarks.Console": that namespace would hide System.Console from every other harness of the project.
namespace DigestPipeline.Benchmarks.OperatorConsole;

/// <summary>
/// The <c>console</c> command: the operator console's documents pages with n document rows (default 10,000, with their
/// themes) written straight to the Documents table of a fresh in-memory Azurite on 127.0.0.1, served as <c>digest up</c>
/// serves them, to a logged-in operator: a small local load (4 clients, a bounded number of requests per page, warm-up
/// excluded) on the list, a filtered list, a search and a document page; in the same run, as references, <c>/healthz</c>
/// (the web stack alone), a point read of one Documents row (one storage request), the whole table
/// read as the list reads it, and the list on a host whose snapshot is off (every request reads the table). Bounded:
/// fixed request counts, no queue backlog (two queue messages in all).
/// </summary>
internal static class ConsoleDocumentsCommand
{
    private const int Clients = 4;
    private const int WarmUp = 20;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter log, CancellationToken cancellationToken)
    {
        var documents = CommandLineOptions.Int(args, "--documents", 10_000);
        var requests = CommandLineOptions.Int(args, "--requests", 400);
        var unsnapshotted = CommandLineOptions.Int(args, "--scans", 40);
        var root = RepositoryRoot.Find();
        await using var azurite = await AzuriteServer.StartAsync(AzuriteServerOptions.InMemory with { StartDirectory = root }, log.WriteLine, cancellationToken);
        using var host = BuildHost(root, azurite.ConnectionString, listFreshFor: null);
        using var scanning = BuildHost(root, azurite.ConnectionString, listFreshFor: TimeSpan.Zero);
        await host.StartAsync(cancellationToken);
        await scanning.StartAsync(cancellationToken);
        try
        {
            await log.WriteLineAsync($"== {documents:N0} document rows written to the Documents table, one document ingested and summarized");
            var seeded = Stopwatch.StartNew();
            await SeedAsync(host.Services, documents, cancellationToken);
            var seedSeconds = seeded.Elapsed.TotalSeconds;
            var summarized = await SummarizeOneAsync(host.Services, azurite.ConnectionString, root, cancellationToken);

            using var client = await LogInAsync(host, cancellationToken);
            using var scanningClient = await LogInAsync(scanning, cancellationToken);
            var records = host.Services.GetRequiredService<IDocumentRecords>();

            var cases = new (string Name, Func<Task> Once, int Count, int Clients)[]
            {
                ("/healthz (reference: the web stack alone)", () => GetAsync(client, "/healthz", cancellationToken), requests, Clients),
                ("one Documents row read (reference: one storage request)", () => records.GetRecordAsync(summarized, cancellationToken), requests, Clients),
                ("/console/documents", () => GetAsync(client, "/console/documents", cancellationToken), requests, Clients),
                ("/console/documents?state=Summarized&theme=health&language=fr", () => GetAsync(client, "/console/documents?state=Summarized&theme=health&language=fr", cancellationToken), requests, Clients),
                ("/console/documents?q=energie (search)", () => GetAsync(client, "/console/documents?q=energie", cancellationToken), requests, Clients),
                ("/console/documents?page=100 (older pages)", () => GetAsync(client, "/console/documents?page=100", cancellationToken), requests, Clients),
                ("/console/documents/{id} (a summarized document)", () => GetAsync(client, "/console/documents/" + summarized, cancellationToken), requests, Clients),
                ("/console/documents, snapshot off (reads the table each time)", () => GetAsync(scanningClient, "/console/documents", cancellationToken), unsnapshotted, Clients),
                ("the whole table read as the list reads it, 1 client", () => records.ListRecordsAsync(cancellationToken).CountAsync(cancellationToken).AsTask(), unsnapshotted, 1),
            };

            var results = new List<(string Name, int Count, TimeSpan Elapsed, LatencyStatistics Latency)>();
            foreach (var (name, once, count, clients) in cases)
            {
                await log.WriteLineAsync($"== {name}: {Math.Min(WarmUp, count)} warm-up, then {count} requests, {clients} client(s)");
                await MeasureAsync(clients, Math.Min(WarmUp, count), once);
                var (elapsed, latencies) = await MeasureAsync(clients, count, once);
                results.Add((name, count, elapsed, LatencyStatistics.Of(latencies)));
            }

            var healthz = results[0].Latency.MedianMs;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Console documents pages, {documents:N0} document rows on Azurite (in memory, 127.0.0.1, written in {seedSeconds:F1} s), {Clients} clients unless said, list snapshot {ListFreshFor(host)}, {Environment.ProcessorCount} cores, load average {CommandLineOptions.LoadAverage()}"));
            await output.WriteLineAsync("| request | requests | requests/s | p50 ms | p99 ms | max ms | p50 / healthz p50 |");
            await output.WriteLineAsync("| --- | --- | --- | --- | --- | --- | --- |");
            foreach (var (name, count, elapsed, latency) in results)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {count:N0} | {count / elapsed.TotalSeconds:F0} | {latency.MedianMs:F1} | {latency.P99Ms:F1} | {latency.MaxMs:F1} | {latency.MedianMs / healthz:F1} |"));
            }

            return 0;
        }
        finally
        {
            await scanning.StopAsync(CancellationToken.None);
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static string ListFreshFor(IHost host) =>
        host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DigestPipeline.Web.Console.Documents.ConsoleDocumentsOptions>>().Value.ListFreshFor.ToString("c", CultureInfo.InvariantCulture);

    private static IHost BuildHost(string root, string connectionString, TimeSpan? listFreshFor) =>
        DigestPipelineHost.Create(new HostApplicationBuilderSettings { ContentRootPath = root, ApplicationName = "digest-console-benchmark" }, serveSubscriberPages: true, builder =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = connectionString,
                ["Themes:Path"] = Path.Combine(root, "seeds", "themes.json"),
                ["Subscriptions:TokenSecret"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
                ["Mail:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "digest-console-benchmark-mail"),
                ["Web:Urls"] = "http://127.0.0.1:0",
            };
            if (listFreshFor is { } freshFor)
                settings["Console:Documents:ListFreshFor"] = freshFor.ToString("c", CultureInfo.InvariantCulture);
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddDigestPipeline(builder.Configuration);
            builder.Services.AddDigestMail(builder.Configuration);
            builder.Services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        });

    /// <summary>
    /// n rows as the pipeline leaves them: mostly summarized with one to three themes of the taxonomy, some matching
    /// none, some refused with a reason, some waiting; titles in French and English (accents included), spread over days.
    /// </summary>
    private static async Task SeedAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        var records = services.GetRequiredService<IDocumentRecords>();
        var themes = services.GetRequiredService<ThemeTaxonomy>().Themes.Select(t => t.Id).ToArray();
        string[] subjects = ["Énergie et réseaux", "Hospitals and AI", "Cybersécurité des villes", "Open source models", "Climate report", "Réunion du conseil", "Grid operators", "Éducation numérique"];
        string[] languages = ["en", "en", "fr", "fr", "de", "es"];
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var random = new Random(i);
            var id = "doc" + i.ToString("D6", CultureInfo.InvariantCulture);
            var at = start.AddMinutes(i * 3);
            var source = $"reports/{at:yyyy-MM-dd}/{subjects[i % subjects.Length].Replace(' ', '-')}-{i}.txt";
            var record = (i % 20) switch
            {
                0 => new DocumentRecord("upload-" + id, source, DocumentStatus.Rejected, at, Reason: "The upload is binary, not text: it contains NUL bytes."),
                1 => new DocumentRecord(id, source, DocumentStatus.Ingested, at, languages[i % languages.Length], $"{subjects[i % subjects.Length]} {i}"),
                2 => new DocumentRecord(id, source, DocumentStatus.Summarized, at, languages[i % languages.Length], $"{subjects[i % subjects.Length]} {i}", Themes: [], NoTheme: true),
                _ => new DocumentRecord(id, source, DocumentStatus.Summarized, at, languages[i % languages.Length], $"{subjects[i % subjects.Length]} {i}",
                    Themes: themes.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToArray()),
            };
            await records.SetRecordAsync(record, ct);
        });
    }

    /// <summary>One real document (the seeds' English article) through the real ingest and summarize handlers: the document page's subject.</summary>
    private static async Task<string> SummarizeOneAsync(IServiceProvider services, string connectionString, string root, CancellationToken cancellationToken)
    {
        const string name = "benchmark/hospitals.txt";
        var content = await File.ReadAllBytesAsync(Path.Combine(root, "seeds", "documents", "en-hospitals-and-grid-operators-brace-for-ai.txt"), cancellationToken);
        var blob = new BlobServiceClient(connectionString).GetBlobContainerClient(StorageNames.IncomingContainer).GetBlobClient(name);
        var uploaded = (await blob.UploadAsync(new BinaryData(content), overwrite: true, cancellationToken)).Value;
        await services.GetRequiredService<IngestDocumentHandler>().HandleAsync(
            new UploadArrived(name, uploaded.ETag.ToString().Trim('"'), blob.Uri.ToString(), content.Length, "text/plain", DateTimeOffset.UtcNow), cancellationToken);
        var id = (await services.GetRequiredService<IDocumentStore>().ListDocumentIdsAsync(cancellationToken).ToListAsync(cancellationToken)).Single();
        await services.GetRequiredService<SummarizeDocumentHandler>().HandleAsync(new SummarizeMessage(SummarizeMessage.CurrentVersion, id), cancellationToken);
        return id;
    }

    /// <summary>A client with the console's session cookie, from a login link as <c>digest up</c> prints it.</summary>
    private static async Task<HttpClient> LogInAsync(IHost host, CancellationToken cancellationToken)
    {
        var address = host.PageAddresses()[0];
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = Clients })
        {
            BaseAddress = new Uri(address),
        };
        using var response = await client.GetAsync(host.Services.GetRequiredService<ConsoleApp>().LoginLink(address), cancellationToken);
        if (response.StatusCode != HttpStatusCode.SeeOther)
            throw new InvalidOperationException($"The login link answered {(int)response.StatusCode}.");
        return client;
    }

    private static async Task GetAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
    }

    private static async Task<(TimeSpan Elapsed, List<TimeSpan> Latencies)> MeasureAsync(int concurrency, int count, Func<Task> once)
    {
        var latencies = new List<TimeSpan>[concurrency];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            latencies[worker] = [];
            while (Interlocked.Increment(ref next) < count)
            {
                var started = clock.Elapsed;
                await once();
                latencies[worker].Add(clock.Elapsed - started);
            }
        }));
        return (clock.Elapsed, latencies.SelectMany(l => l).ToList());
    }
}
