using System.Diagnostics;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// Timer: finds the subscribers whose schedule fell due in their own time zone since it was last planned, and
/// queues one <c>digest</c> message per batch of them. Planning the same period twice sends one digest anyway:
/// the delivery ledger decides.
/// </summary>
public sealed class PlanDigestsHandler(
    ISubscriberStore subscribers,
    IMessagePublisher publisher,
    IOptions<DigestOptions> options,
    PipelineTelemetry telemetry,
    ILogger<PlanDigestsHandler> logger) : ITimerHandler
{
    public string Name => "PlanDigests";

    public Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        telemetry.RunAsync(Name, ActivityKind.Internal, async () =>
        {
            var planned = await PlanDueAsync(now, cancellationToken);
            logger.LogInformation("Planned {Count} digests at {Now:u}", planned, now);
        });

    /// <summary>Plans every subscriber due at <paramref name="now"/>; returns how many.</summary>
    public Task<int> PlanDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        PlanAsync(now, subscriber => DuePeriod(subscriber, now), cancellationToken);

    /// <summary>Plans a digest for every active subscriber (or those given) for the period starting now, whatever their schedule.</summary>
    public Task<int> PlanNowAsync(DateTimeOffset now, IReadOnlySet<string>? subscriberIds, CancellationToken cancellationToken)
    {
        var period = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        return PlanAsync(now, s => subscriberIds is null || subscriberIds.Contains(s.Id) ? period : null, cancellationToken);
    }

    private DateTimeOffset? DuePeriod(Subscriber subscriber, DateTimeOffset now)
    {
        DigestSchedule schedule;
        try
        {
            schedule = DigestSchedule.For(subscriber);
        }
        catch (FormatException e)
        {
            // One subscriber's bad schedule must not stop everyone else's digest; it is reported, not hidden.
            logger.LogError(e, "Subscriber {SubscriberId} has an invalid schedule and is not planned", subscriber.Id);
            return null;
        }

        var after = Max(subscriber.CreatedAt, subscriber.LastPlannedPeriod ?? DateTimeOffset.MinValue, now - options.Value.CatchUpWindow);
        return schedule.LatestDue(after, now);
    }

    private async Task<int> PlanAsync(DateTimeOffset now, Func<Subscriber, DateTimeOffset?> periodOf, CancellationToken cancellationToken)
    {
        var batch = new List<DigestRequest>(options.Value.BatchSize);
        var total = 0;
        await foreach (var subscriber in subscribers.ListActiveAsync(cancellationToken))
        {
            if (subscriber.State != SubscriberState.Active || periodOf(subscriber) is not { } period || subscriber.LastPlannedPeriod >= period)
                continue;
            batch.Add(new DigestRequest(subscriber.Id, period));
            if (batch.Count == options.Value.BatchSize)
                total += await FlushAsync(batch, cancellationToken);
        }

        return total + await FlushAsync(batch, cancellationToken);
    }

    /// <summary>Queues first, marks after: a crash in between plans the batch again, which the ledger absorbs.</summary>
    private async Task<int> FlushAsync(List<DigestRequest> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
            return 0;
        await publisher.PublishAsync(new DigestBatchMessage(DigestBatchMessage.CurrentVersion, batch.ToList(), Activity.Current?.Id), cancellationToken);
        foreach (var request in batch)
            await subscribers.MarkPlannedAsync(request.SubscriberId, request.Period, cancellationToken);
        var count = batch.Count;
        batch.Clear();
        return count;
    }

    private static DateTimeOffset Max(params DateTimeOffset[] values) => values.Max();
}
