using DigestPipeline.Core.Repair;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary>
/// Timer, every 10 minutes: the repair pass, which sends on again uploads and documents a lost message left behind
/// (<see cref="RepairHandler"/>). One instance at a time, like every Functions timer.
/// </summary>
public sealed class Repair(RepairHandler handler, TimeProvider time)
{
    [Function(nameof(Repair))]
    public Task Run([TimerTrigger(RepairHandler.Every10Minutes)] TimerInfo timer, CancellationToken cancellationToken) =>
        handler.RunAsync(time.GetUtcNow(), cancellationToken);
}
