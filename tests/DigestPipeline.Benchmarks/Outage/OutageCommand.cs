using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Benchmarks.Latency;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.LocalHost.Azurite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DigestPipeline.Benchmarks.Outage;

/// <summary>
/// <c>outage [--minutes m] [--documents n] [--subscribers s]</c>: the running local host (as <c>digest up</c> builds
/// it) on an Azurite on disk that is stopped for m minutes (default 10) twice: in the middle of an ingestion of n
/// uploads (default 40; n more are uploaded after it), then in the middle of a digest run for s subscribers (default
/// 200, 5 per message). Reports, for each: what was processed, lost and duplicated, and how long after storage came
/// back the work was done. Every loop is bounded: each wait gives up after the outage plus 5 minutes.
/// </summary>
internal static class OutageCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var outage = TimeSpan.FromMinutes(Option(args, "--minutes", 10.0));
        var documents = (int)Option(args, "--documents", 40.0);
        var subscribers = (int)Option(args, "--subscribers", 200.0);
        var root = RepositoryRoot.Find();
        var location = Directory.CreateTempSubdirectory("digest-outage-").FullName;
        var sent = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        try
        {
            await using var pipeline = await PipelineUnderTest.StartAsync(root, new Dictionary<string, string?>
            {
                ["Digests:BatchSize"] = "5",
                // The repair pass every 10 s, taking as stuck what made no progress for a minute.
                ["LocalHost:TimerSchedule"] = "*/10 * * * * *",
                ["Repair:StuckAfter"] = "00:01:00",
            }, output, cancellationToken, services => CountSends(services, sent), new AzuriteServerOptions(location));
            var connectionString = pipeline.Azurite.ConnectionString;
            await output.WriteLineAsync($"outage harness: Azurite on disk, stopped {outage.TotalMinutes:0.#} min twice; {documents}+{documents} uploads, {subscribers} subscribers");

            // 1. During an ingestion.
            var incoming = new BlobServiceClient(connectionString).GetBlobContainerClient(StorageNames.IncomingContainer);
            for (var i = 0; i < documents; i++)
                await incoming.UploadBlobAsync($"outage/before-{i:000}.txt", Document($"before {i}"), cancellationToken);
            var atStop = await SummarizedAsync(connectionString, cancellationToken);
            await pipeline.StopAzuriteAsync();
            await Task.Delay(outage, cancellationToken);
            await pipeline.StartAzuriteAgainAsync(cancellationToken);
            var back = Stopwatch.StartNew();
            for (var i = 0; i < documents; i++)
                await incoming.UploadBlobAsync($"outage/after-{i:000}.txt", Document($"after {i}"), cancellationToken);
            var resumed = await UntilAsync(async () => await SummarizedAsync(connectionString, cancellationToken) == 2 * documents, outage + TimeSpan.FromMinutes(5), cancellationToken);
            var summarized = await SummarizedAsync(connectionString, cancellationToken);
            var rows = await new TableClient(connectionString, StorageNames.DocumentsTable)
                .QueryAsync<TableEntity>(r => r.RowKey == "status", cancellationToken: cancellationToken).CountAsync(cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| storage down {outage.TotalMinutes:0.#} min during ingestion | {2 * documents} uploads ({documents - atStop} in flight at the stop) | {summarized} summarized | lost {2 * documents - summarized} | duplicated {rows - summarized - (2 * documents - summarized)} Documents rows | all done {(resumed ? back.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "never")} after storage came back |"));

            // 2. During a digest run.
            var store = pipeline.Host.Services.GetRequiredService<ISubscriberStore>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var created = DateTimeOffset.UtcNow.AddDays(-1);
            for (var i = 0; i < subscribers; i++)
            {
                var email = $"outage-{i:0000}@example.test";
                var subscriber = new Subscriber(Subscriber.IdFor(email), email, $"Reader {i}", ["health", "energy-compute", "ai-systems"], "fr",
                    "0 7 1 1 *", "Europe/Paris", SubscriberState.Active, created);
                await store.UpsertAsync(subscriber, cancellationToken);
                ids.Add(subscriber.Id);
            }

            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken); // past the index settle time
            await pipeline.Host.Services.GetRequiredService<PlanDigestsHandler>().PlanNowAsync(DateTimeOffset.UtcNow, ids, cancellationToken);
            var sentAtStop = sent.Count;
            await pipeline.StopAzuriteAsync();
            await Task.Delay(outage, cancellationToken);
            await pipeline.StartAzuriteAgainAsync(cancellationToken);
            back.Restart();
            resumed = await UntilAsync(() => Task.FromResult(sent.Count == subscribers), outage + TimeSpan.FromMinutes(5), cancellationToken);
            var delivered = sent.Count;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| storage down {outage.TotalMinutes:0.#} min during a digest run | {subscribers} digests ({sentAtStop} sent at the stop) | {delivered} sent | lost {subscribers - delivered} | duplicated {sent.Values.Count(c => c > 1)} (a second send, same Message-ID) | all done {(resumed ? back.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "never")} after storage came back |"));
            return resumed ? 0 : 1;
        }
        finally
        {
            Directory.Delete(location, recursive: true);
        }
    }

    /// <summary>Counts each subscriber's sends by wrapping the host's mail sender.</summary>
    private static void CountSends(IServiceCollection services, ConcurrentDictionary<string, int> sent)
    {
        var inner = services.Last(d => d.ServiceType == typeof(IMailSender));
        services.Replace(ServiceDescriptor.Singleton<IMailSender>(sp => new CountingMailSender(
            (IMailSender)(inner.ImplementationInstance ?? inner.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!)), sent)));
    }

    private static BinaryData Document(string variant) =>
        BinaryData.FromBytes(Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "seeds", "documents", "fr-tech-basel-ai-summit-miami.txt"))
                                                   + $"\n\nNote de la rédaction : version {variant}.\n"));

    private static async Task<int> SummarizedAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            return await new TableClient(connectionString, StorageNames.DocumentsTable)
                .QueryAsync<TableEntity>(r => r.RowKey == "status" && r.GetString("Status") == nameof(DocumentStatus.Summarized), select: ["Status"], cancellationToken: cancellationToken)
                .CountAsync(cancellationToken);
        }
        catch (global::Azure.RequestFailedException)
        {
            return -1;
        }
    }

    private static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
                return false;
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        return true;
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class CountingMailSender(IMailSender inner, ConcurrentDictionary<string, int> sent) : IMailSender
    {
        public async Task SendAsync(EmailMessage email, CancellationToken cancellationToken)
        {
            await inner.SendAsync(email, cancellationToken);
            sent.AddOrUpdate(email.To.Address, 1, (_, count) => count + 1);
        }
    }
}
