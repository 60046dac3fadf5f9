using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Benchmarks.Digests;
using DigestPipeline.Benchmarks.Latency;
using DigestPipeline.Benchmarks.Load;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Themes;
using DigestPipeline.Mail;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Benchmarks.ListScale;

/// <summary>
/// <c>listscale [--subscribers n] [--documents n] [--rounds 1|2] [--no-ceiling] [--timeout-minutes m]</c>: a digest run at list scale, loopback only.
/// A fresh in-memory Azurite with the running local host on it (as <c>digest up</c> runs it, mail to Debian's aiosmtpd);
/// n summarized documents (default 5,000) and n subscribers (default 20,000) on one daily schedule, all due at the
/// same minute; at that minute the planner runs once, and the host's digest queue sends every digest. Reports the
/// planner's run time, the time from the due minute to the last digest accepted by the sink, digests per second, the
/// storage requests per digest by kind, peak memory; then Azurite's ceiling for the same requests, from a plain SDK loop
/// on the same Azurite.
/// </summary>
internal static class ListScaleCommand
{
    private const int BatchSize = 100;

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var count = CommandLineOptions.Int(args, "--subscribers", 20_000);
        var documentCount = CommandLineOptions.Int(args, "--documents", 5_000);
        var timeout = TimeSpan.FromMinutes(CommandLineOptions.Int(args, "--timeout-minutes", 60));
        var withCeiling = !args.Contains("--no-ceiling");
        var rounds = CommandLineOptions.Int(args, "--rounds", 2);
        await output.WriteLineAsync($"load average at start: {CommandLineOptions.LoadAverage()}; {Environment.ProcessorCount} cores; {count:N0} subscribers, {documentCount:N0} documents");
        var root = RepositoryRoot.Find();
        ThemeTaxonomy taxonomy;
        using (var themes = File.OpenRead(Path.Combine(root, "seeds", "themes.json")))
            taxonomy = ThemeTaxonomy.Load(themes);

        await using var sink = await AiosmtpdSink.StartAsync(output);
        if (sink is null)
            return 1;
        var counter = new StorageRequestCounter(byTable: true);
        var runClock = new Stopwatch();
        using var delivered = new DeliveredDigests(runClock);
        var overrides = new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            // The planner runs when this harness says; the timer's own runs (at start, then once a year) find nothing.
            ["LocalHost:TimerSchedule"] = "0 0 1 1 *",
        };
        await using var pipeline = await PipelineUnderTest.StartAsync(root, overrides, output, cancellationToken, services =>
        {
            services.AddAzureClients(clients => clients.ConfigureDefaults(counter.Attach));
            // The SDK warns of every response slower than 3 s, which Azurite at its ceiling gives by the hundred.
            services.AddLogging(logging => logging.AddFilter("Azure.Core", LogLevel.Error));
            services.AddSingleton<IMailSender>(sp => delivered.Around(sp.GetRequiredService<SmtpMailSender>()));
        });
        var connectionString = pipeline.Azurite.ConnectionString;

        var seeding = Stopwatch.StartNew();
        var seededAt = DateTimeOffset.UtcNow;
        var estimate = TimeSpan.FromSeconds(60 + documentCount / 50.0 + count / 300.0);
        var due = NextMinute(seededAt + estimate);
        await ListScaleSeed.SeedDocumentsAsync(connectionString, root, taxonomy, documentCount, seededAt, cancellationToken);
        await output.WriteLineAsync($"{documentCount:N0} documents summarized and indexed in {seeding.Elapsed.TotalSeconds:F0} s");
        var themeIds = taxonomy.Themes.Select(t => t.Id).ToList();
        await ListScaleSeed.SeedSubscribersAsync(connectionString, themeIds, count, due, seededAt, cancellationToken);
        await output.WriteLineAsync($"{count:N0} subscribers written and placed in the due index at {due:HH:mm} UTC, seeding took {seeding.Elapsed.TotalSeconds:F0} s");
        var overrun = DateTimeOffset.UtcNow - due;
        if (overrun > TimeSpan.Zero)
            await output.WriteLineAsync($"seeding overran the due minute by {overrun.TotalSeconds:F0} s: times below are from the planner's start");
        // A timer may fire a little before the wall clock says it is time: wait until the clock says so.
        while (DateTimeOffset.UtcNow < due)
            await Task.Delay(due - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(5), cancellationToken);

        var first = await RunRoundAsync("first digests (each subscriber's first, every document of the account in its window)",
            pipeline, counter, delivered, runClock, due, count, themeIds, timeout, withCeiling, signedUp: true, output, cancellationToken);
        if (rounds < 2)
            return first ? 0 : 1;

        // The next day's run: new documents since, and every subscriber due again at the same time. The planner is asked
        // for tomorrow's occurrence now (the only thing not as on the day: the clock); the handlers do the day's work.
        var newDocuments = Math.Max(1, documentCount / 10);
        await ListScaleSeed.SeedDocumentsAsync(connectionString, root, taxonomy, newDocuments, DateTimeOffset.UtcNow, cancellationToken, firstIndex: documentCount);
        await output.WriteLineAsync($"{newDocuments:N0} new documents summarized and indexed");
        var next = await RunRoundAsync("next day's digests", pipeline, counter, delivered, runClock, due.AddDays(1), count, themeIds, timeout, withCeiling, signedUp: false, output, cancellationToken);
        return first && next ? 0 : 1;
    }

    /// <summary>One planning run at <paramref name="due"/> and the digests it queues, then the ceiling for the same requests.</summary>
    /// <param name="signedUp">Whether the due index holds each subscriber in a row of their own, as their sign-up placed it (else a row per batch, as the previous run's handlers placed them).</param>
    private static async Task<bool> RunRoundAsync(string title, PipelineUnderTest pipeline, StorageRequestCounter counter, DeliveredDigests delivered,
        Stopwatch runClock, DateTimeOffset due, int count, IReadOnlyList<string> themeIds, TimeSpan timeout, bool withCeiling, bool signedUp, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"-- {title}");
        var connectionString = pipeline.Azurite.ConnectionString;
        delivered.Reset();
        counter.Reset();
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var azuriteCpuAtStart = pipeline.Azurite.ProcessorTime;
        runClock.Restart();
        var planner = pipeline.Host.Services.GetRequiredService<PlanDigestsHandler>();
        var planned = await planner.PlanDueAsync(due > DateTimeOffset.UtcNow ? due : DateTimeOffset.UtcNow, cancellationToken);
        var plannerTime = runClock.Elapsed;
        await output.WriteLineAsync($"planner: {planned:N0} due planned in {plannerTime.TotalSeconds:F2} s");
        var complete = await delivered.WaitForAsync(planned, timeout,
            sent => output.WriteLine($"  {runClock.Elapsed.TotalSeconds:F0} s: {sent:N0} digests accepted by the sink"), cancellationToken);
        // A digest is counted sent or skipped after its ledger row is written: every digest's requests are in.
        var requests = counter.Snapshot();
        var durations = counter.MeanDurations();
        var lastDigest = delivered.Last;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        var azuriteCpu = pipeline.Azurite.ProcessorTime - azuriteCpuAtStart;
        var sent = delivered.Count;
        var rate = planned / lastDigest.TotalSeconds;
        await output.WriteLineAsync($"{(complete ? "done" : "TIMED OUT")}: {delivered.Outcomes:N0} of {planned:N0} planned digests done, {sent:N0} accepted by the sink (the others had nothing new); the last {lastDigest.TotalSeconds:F1} s after the due minute: {rate:F1} planned digests/s end to end");
        await output.WriteLineAsync($"CPU: this process {cpu.TotalSeconds:F0} s, Azurite {azuriteCpu.TotalSeconds:F0} s ({azuriteCpu.TotalMilliseconds / Math.Max(1, planned):F1} ms per digest)");
        await output.WriteLineAsync($"peak working set so far: this process (harness and host) {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB, Azurite {pipeline.Azurite.PeakWorkingSet / 1048576.0:N0} MB");

        await output.WriteLineAsync($"storage requests per planned digest: {requests.Values.Sum() / (double)planned:F3}, per digest sent: {requests.Values.Sum() / (double)Math.Max(1, sent):F3}");
        if (!withCeiling)
        {
            await WriteRequestsAsync(output, requests, durations, planned, null, count);
            return complete;
        }

        var blobs = new BlobServiceClient(connectionString);
        var archiveBytes = await MeanSizeAsync(blobs.GetBlobContainerClient(StorageNames.DigestsContainer), cancellationToken);
        var summaryBlobs = new List<string>();
        await foreach (var blob in blobs.GetBlobContainerClient(StorageNames.SummariesContainer).GetBlobsAsync(cancellationToken: cancellationToken))
            summaryBlobs.Add(blob.Name);
        var subscriberIds = DigestPopulation.Create(count, themeIds, due).Select(s => s.Id).ToList();
        var mix = DigestRequestMix.From(requests, planned, BatchSize, TableThemeIndex.PageSize);
        azuriteCpuAtStart = pipeline.Azurite.ProcessorTime;
        var (ceilingTime, ceilingRequests) = await ListScaleCeiling.RunAsync(connectionString, subscriberIds, themeIds, summaryBlobs, mix, archiveBytes, signedUp, cancellationToken);
        var ceilingAzuriteCpu = pipeline.Azurite.ProcessorTime - azuriteCpuAtStart;
        var ceilingRate = count / ceilingTime.TotalSeconds;
        await output.WriteLineAsync($"ceiling (plain SDK loop, same requests, same Azurite): {count:N0} digests' requests in {ceilingTime.TotalSeconds:F1} s = {ceilingRate:F1} digests/s, Azurite CPU {ceilingAzuriteCpu.TotalMilliseconds / count:F1} ms per digest; the pipeline ran at {rate / ceilingRate:P0} of it");
        await WriteRequestsAsync(output, requests, durations, planned, ceilingRequests, count);
        return complete;
    }

    private static async Task WriteRequestsAsync(TextWriter output, IReadOnlyDictionary<string, int> requests, IReadOnlyDictionary<string, TimeSpan> durations,
        int planned, IReadOnlyDictionary<string, int>? ceiling, int count)
    {
        await output.WriteLineAsync("storage requests per planned digest  pipeline   ceiling   pipeline's mean response");
        foreach (var kind in requests.Keys.Union(ceiling?.Keys ?? []).Order(StringComparer.Ordinal))
            await output.WriteLineAsync($"  {kind,-34} {requests.GetValueOrDefault(kind) / (double)planned,8:F3}  {(ceiling?.GetValueOrDefault(kind) ?? 0) / (double)count,8:F3}   {durations.GetValueOrDefault(kind).TotalMilliseconds,8:F1} ms");
        await output.WriteLineAsync($"  {"total",-34} {requests.Values.Sum() / (double)planned,8:F3}  {(ceiling?.Values.Sum() ?? 0) / (double)count,8:F3}");
    }

    /// <summary>The Deliveries rows by state (progress rows aside): what became of every planned digest.</summary>
    private static async Task<SortedDictionary<string, int>> OutcomesAsync(string connectionString, CancellationToken cancellationToken)
    {
        var states = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var deliveries = new TableClient(connectionString, StorageNames.DeliveriesTable);
        await foreach (var row in deliveries.QueryAsync<TableEntity>(select: ["State"], cancellationToken: cancellationToken))
        {
            if (row.GetString("State") is { } state)
                states[state] = states.GetValueOrDefault(state) + 1;
        }

        return states;
    }

    private static DateTimeOffset NextMinute(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMinute + TimeSpan.TicksPerMinute, TimeSpan.Zero);

    private static async Task<int> MeanSizeAsync(BlobContainerClient container, CancellationToken cancellationToken)
    {
        long total = 0, blobs = 0;
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            total += blob.Properties.ContentLength ?? 0;
            blobs++;
        }

        return blobs == 0 ? 0 : (int)(total / blobs);
    }
}
