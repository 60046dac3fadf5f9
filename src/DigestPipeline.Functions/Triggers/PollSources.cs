using DigestPipeline.Core.Sources;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary>
/// Timer, every minute: polls the feeds that are due (<see cref="PollSourcesHandler"/>; each source keeps its own
/// interval and back-off, so a minute is only the finest interval a source can have). One instance at a time, like
/// every Functions timer.
/// </summary>
public sealed class PollSources(PollSourcesHandler handler, TimeProvider time)
{
    [Function(nameof(PollSources))]
    public Task Run([TimerTrigger(PollSourcesHandler.EveryMinute)] TimerInfo timer, CancellationToken cancellationToken) =>
        handler.RunAsync(time.GetUtcNow(), cancellationToken);
}
