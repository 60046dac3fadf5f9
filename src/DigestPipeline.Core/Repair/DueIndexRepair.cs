using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Core.Repair;

/// <summary>
/// Rebuilds the due index from the Subscribers table: every active subscriber with no entry at all (a crash between
/// a subscriber's write and its entry, a digest message that went to the poison queue before its handler moved
/// the subscriber on, rows written before the index existed) is placed at their schedule's next occurrence. A
/// subscriber whose digest is queued and not yet handled has no entry either, and is placed where its handler
/// places it, so the pass is harmless to run at any time. It reads both tables whole: a repair pass, not a tick.
/// </summary>
public sealed class DueIndexRepair(ISubscriberStore subscribers, IDueIndex due, PipelineTelemetry telemetry, ILogger<DueIndexRepair> logger)
{
    /// <summary>Part-filled bundles are gathered only this far ahead of the planner, which may be reading the minutes before.</summary>
    private static readonly TimeSpan CompactionMargin = TimeSpan.FromMinutes(10);

    /// <returns>How many subscribers were placed.</returns>
    public async Task<int> RepairAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var gathered = await due.CompactAsync(now + CompactionMargin, cancellationToken);
        if (gathered > 0)
            logger.LogInformation("Due index: {Count} part-filled rows gathered into full ones", gathered);
        var indexed = await due.ListAsync(cancellationToken).Select(e => e.SubscriberId).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        var missing = new List<DueEntry>();
        await foreach (var subscriber in subscribers.ListActiveAsync(cancellationToken))
        {
            if (indexed.Contains(subscriber.Id))
                continue;
            if (DueEntry.After(subscriber, now) is { } entry)
                missing.Add(entry);
            else
                logger.LogError("Repair: subscriber {SubscriberId} is active but its schedule '{Schedule}' in '{TimeZone}' never falls due; it gets no scheduled digest until it is changed",
                    subscriber.Id, subscriber.Schedule, subscriber.TimeZone);
        }

        if (missing.Count == 0)
            return 0;
        await due.PlaceAsync(missing, cancellationToken);
        foreach (var entry in missing)
            telemetry.Repaired("due-entry-placed");
        logger.LogWarning("Repair: {Count} active subscriber(s) were missing from the due index; each placed at its next occurrence", missing.Count);
        return missing.Count;
    }
}
