using DigestPipeline.Core.Digests;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary>
/// Timer on the app setting <c>Digests__PlanSchedule</c> (5-field cron, UTC): plans the digests that fell due.
/// The Functions timer runs on one instance at a time, like the local host's leased timer.
/// </summary>
public sealed class PlanDigests(PlanDigestsHandler handler, TimeProvider time)
{
    [Function(nameof(PlanDigests))]
    public Task Run([TimerTrigger("%Digests:PlanSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        handler.RunAsync(time.GetUtcNow(), cancellationToken);
}
