using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// Timer: reads the due index up to now (what fell due since the last run, not the whole list) and queues one
/// <c>digest</c> message per batch of due subscribers, for the latest occurrence of each one's schedule (after
/// downtime, one catch-up digest covers every missed occurrence). It reads bundles (a batch's subscribers, placed
/// together by its handler) and per batch writes twice, whatever the batch's size: it claims the bundles (conditional
/// on them being unchanged, so of two planners racing, one plans each batch), queues the message, then removes
/// them; a crash in between leaves them claimed, and they are planned again after
/// <see cref="DigestOptions.ClaimTimeout"/>, which the delivery ledger absorbs. The digest's handler places the
/// subscriber's next entry (<see cref="DigestSender"/>).
/// </summary>
public sealed class PlanDigestsHandler(
    IDueIndex due,
    ISubscriberStore subscribers,
    IMessagePublisher publisher,
    IOptions<DigestOptions> options,
    PipelineTelemetry telemetry,
    ILogger<PlanDigestsHandler> logger) : ITimerHandler
{
    public string Name => "PlanDigests";

    /// <summary><see cref="DigestOptions.PlanSchedule"/> (the Functions trigger reads the same app setting).</summary>
    public string Schedule => options.Value.PlanSchedule;

    public Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        telemetry.RunAsync(Name, ActivityKind.Internal, async () =>
        {
            var planned = await PlanDueAsync(now, cancellationToken);
            logger.LogInformation("Planned {Count} digests at {Now:u}", planned, now);
        });

    /// <summary>Plans every subscriber due at or before <paramref name="now"/>; returns how many.</summary>
    public async Task<int> PlanDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var schedules = new ConcurrentDictionary<(string Cron, string Zone), DigestSchedule?>();
        var planned = 0;
        // A subscriber in two bundles (placed again before the first was planned) is planned once: were they planned
        // twice, the two handlers would each place their next entry, and the repeat would go on every day.
        var requested = new ConcurrentDictionary<DigestRequest, byte>();
        // A claimed bundle younger than the claim timeout is another run's, still queuing or removing it.
        var bundles = due.ReadDueAsync(now, cancellationToken).Where(b => b.PlannedAt is not { } at || at <= now - settings.ClaimTimeout);
        await Parallel.ForEachAsync(Batches(bundles, settings.BatchSize, cancellationToken), new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                var claimed = await due.ClaimAsync(batch, now, ct);
                if (claimed.Count == 0)
                    return;
                var requests = claimed.SelectMany(b => b.Entries)
                    .Select(e => new DigestRequest(e.SubscriberId, LatestOccurrence(e, now, schedules)))
                    .Where(r => requested.TryAdd(r, 0))
                    .ToList();
                foreach (var message in requests.Chunk(settings.BatchSize))
                    await publisher.PublishAsync(new DigestBatchMessage(DigestBatchMessage.CurrentVersion, message, Activity.Current?.Id), ct);
                await due.RemoveAsync(claimed, ct);
                Interlocked.Add(ref planned, requests.Count);
            });
        return planned;
    }

    /// <summary>Whole bundles, as many as fit one message of <paramref name="size"/> (a larger bundle alone).</summary>
    private static async IAsyncEnumerable<IReadOnlyList<DueBundle>> Batches(IAsyncEnumerable<DueBundle> bundles, int size, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<DueBundle>();
        var entries = 0;
        await foreach (var bundle in bundles.WithCancellation(cancellationToken))
        {
            if (batch.Count > 0 && entries + bundle.Entries.Count > size)
            {
                yield return batch;
                batch = [];
                entries = 0;
            }

            batch.Add(bundle);
            entries += bundle.Entries.Count;
        }

        if (batch.Count > 0)
            yield return batch;
    }

    /// <summary>
    /// Plans a digest for every active subscriber (or those given) for the period starting now, whatever their
    /// schedule: an operator's <c>digest send</c>, which reads the whole list and leaves the due index as it is.
    /// </summary>
    public async Task<int> PlanNowAsync(DateTimeOffset now, IReadOnlySet<string>? subscriberIds, CancellationToken cancellationToken)
    {
        var period = PeriodAt(now);
        var planned = 0;
        var requests = subscribers.ListActiveAsync(cancellationToken)
            .Where(s => subscriberIds is null || subscriberIds.Contains(s.Id))
            .Select(s => new DigestRequest(s.Id, period, OnDemand: true));
        await foreach (var batch in requests.Chunk(options.Value.BatchSize).WithCancellation(cancellationToken))
        {
            await publisher.PublishAsync(new DigestBatchMessage(DigestBatchMessage.CurrentVersion, batch, Activity.Current?.Id), cancellationToken);
            planned += batch.Length;
        }

        return planned;
    }

    /// <summary>The period of a digest asked for at <paramref name="now"/> rather than scheduled: the current minute, in UTC.</summary>
    public static DateTimeOffset PeriodAt(DateTimeOffset now) => new(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    /// <summary>The entry's latest occurrence up to now: its own time, or a later one missed while nothing planned.</summary>
    private DateTimeOffset LatestOccurrence(DueEntry entry, DateTimeOffset now, ConcurrentDictionary<(string Cron, string Zone), DigestSchedule?> schedules)
    {
        var schedule = schedules.GetOrAdd((entry.Schedule, entry.TimeZone), key =>
        {
            try
            {
                return DigestSchedule.Parse(key.Cron, key.Zone);
            }
            catch (FormatException e)
            {
                // Entries are placed from valid schedules only; one edited by hand is planned at its own time.
                logger.LogError(e, "A due entry holds an invalid schedule; planned at its own time");
                return null;
            }
        });
        return schedule?.LatestDue(entry.Due.AddTicks(-1), now) ?? entry.Due;
    }
}
