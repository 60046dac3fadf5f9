using DigestPipeline.Core.Newsletters;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary>
/// Timer, every minute: reads the newsletter mailbox when due (<see cref="ReadNewslettersHandler"/>; it keeps its own
/// <c>Newsletters:PollEvery</c> and back-off, so a minute is only the finest interval). Does nothing while
/// <c>Newsletters:Host</c> is unset. One instance at a time, like every Functions timer.
/// </summary>
public sealed class ReadNewsletters(ReadNewslettersHandler handler, TimeProvider time)
{
    [Function(nameof(ReadNewsletters))]
    public Task Run([TimerTrigger(ReadNewslettersHandler.EveryMinute)] TimerInfo timer, CancellationToken cancellationToken) =>
        handler.RunAsync(time.GetUtcNow(), cancellationToken);
}
