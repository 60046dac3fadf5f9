using System.Diagnostics;
using DigestPipeline.LocalHost.Azurite;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Logging.Abstractions;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace DigestPipeline.Benchmarks.Planning;

/// <summary>
/// <c>planning [--subscribers n] [--azurite] [--ticks n] [--all-due [--sign-ups [--compact]]]</c>: what one run of the planning timer
/// costs with n subscribers (default 100,000), in memory or on a fresh in-memory Azurite, tick after tick (every 5
/// minutes through the morning send times; with <c>--all-due</c>, everyone daily at 07:00 UTC and the first tick then,
/// their entries placed a hundred together as the previous day's digest handlers place them, or with
/// <c>--sign-ups</c> one by one, as sign-ups place them: a list's first day; <c>--compact</c> then gathers them first,
/// as the repair pass does).
/// Prints wall time, allocations and how many were due per tick. The planner's messages are counted, not sent.
/// </summary>
internal static class PlanningCommand
{
    private static readonly DateTimeOffset Start = new(2025, 5, 5, 3, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var count = CommandLineOptions.Int(args, "--subscribers", 100_000);
        var ticks = CommandLineOptions.Int(args, "--ticks", 12);
        var onAzurite = args.Contains("--azurite");
        // Everyone on one daily schedule, due at the first tick: a list's morning run, all at once.
        var allDue = args.Contains("--all-due");
        var signUps = args.Contains("--sign-ups");
        var firstTick = allDue ? new DateTimeOffset(2025, 5, 5, 7, 0, 0, TimeSpan.Zero) : Start + TimeSpan.FromMinutes(5);
        var createdAt = Start - TimeSpan.FromMinutes(1);

        ISubscriberStore store;
        IDueIndex index;
        var seedClock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(createdAt);
        AzuriteServer? azurite = null;
        try
        {
            if (onAzurite)
            {
                azurite = await AzuriteServer.StartAsync(AzuriteServerOptions.InMemory with { StartDirectory = RepositoryRoot.Find() }, output.WriteLine, cancellationToken);
                var tables = new global::Azure.Data.Tables.TableServiceClient(azurite.ConnectionString);
                await tables.GetTableClient(StorageNames.SubscribersTable).CreateIfNotExistsAsync(cancellationToken);
                await tables.GetTableClient(StorageNames.DueTable).CreateIfNotExistsAsync(cancellationToken);
                await tables.GetTableClient(StorageNames.DeliveriesTable).CreateIfNotExistsAsync(cancellationToken);
                index = new TableDueIndex(tables, NullLogger<TableDueIndex>.Instance);
                store = new TableSubscriberStore(tables, index, seedClock, NullLogger<TableSubscriberStore>.Instance);
            }
            else
            {
                index = new DigestPipeline.Core.Tests.Schedules.Fakes.InMemoryDueIndex();
                store = new DigestPipeline.Core.Tests.Schedules.Fakes.InMemorySubscriberStore(index, seedClock);
            }

            var seeding = Stopwatch.StartNew();
            if (allDue)
            {
                // The planner reads only the due index: the entries are written as digest handlers or sign-ups place
                // them, without the Subscribers rows (Azurite writes those ever slower as its table grows).
                var entries = PlanningPopulation.Create(count, createdAt).Select(s => DueEntry.After(s with { Schedule = "0 7 * * *", TimeZone = "UTC" }, createdAt)!);
                await Parallel.ForEachAsync(entries.Chunk(signUps ? 1 : 100), new ParallelOptions { MaxDegreeOfParallelism = onAzurite ? 8 : 1, CancellationToken = cancellationToken },
                    async (chunk, ct) => await index.PlaceAsync(chunk, ct));
            }
            else
            {
                await Parallel.ForEachAsync(PlanningPopulation.Create(count, createdAt), new ParallelOptions { MaxDegreeOfParallelism = onAzurite ? 8 : 1, CancellationToken = cancellationToken },
                    async (subscriber, ct) => await store.UpsertAsync(subscriber, ct));
            }

            await output.WriteLineAsync($"{count:N0} subscribers {(onAzurite ? "written to Azurite" : "in memory")} in {seeding.Elapsed.TotalSeconds:F1} s");
            if (args.Contains("--compact"))
            {
                // What the repair pass does before the morning: the sign-ups' rows gathered a hundred to a row.
                var compaction = Stopwatch.StartNew();
                var gathered = await index.CompactAsync(createdAt, cancellationToken);
                await output.WriteLineAsync($"compaction (the repair pass's first step): {gathered:N0} rows gathered in {compaction.Elapsed.TotalSeconds:F1} s");
            }


            var queue = new CountingPublisher();
            var planner = new PlanDigestsHandler(index, store, queue, OptionsFactory.Create(new DigestOptions()), new PipelineTelemetry(meters: null), NullLogger<PlanDigestsHandler>.Instance);
            await output.WriteLineAsync("tick (UTC)          due   ms      allocated MB");
            var times = new List<double>();
            for (var tick = 1; tick <= ticks; tick++)
            {
                var now = firstTick + (tick - 1) * TimeSpan.FromMinutes(5);
                var messagesBefore = queue.Messages;
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                var due = await planner.PlanDueAsync(now, cancellationToken);
                clock.Stop();
                var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0;
                times.Add(clock.Elapsed.TotalMilliseconds);
                await output.WriteLineAsync($"{now:yyyy-MM-dd HH:mm}  {due,6:N0}  {clock.Elapsed.TotalMilliseconds,6:N0}  {allocated,8:N1}   ({queue.Messages - messagesBefore} messages)");
            }

            times.Sort();
            await output.WriteLineAsync($"median {times[times.Count / 2]:N0} ms, max {times[^1]:N0} ms per planning run; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB");
            return 0;
        }
        finally
        {
            if (azurite is not null)
                await azurite.DisposeAsync();
        }
    }
}
