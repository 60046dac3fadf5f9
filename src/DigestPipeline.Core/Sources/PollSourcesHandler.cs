using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Core.Sources;

/// <summary>
/// The sources timer: polls each source that is due (or all, for <c>digest source run --now</c>) and records its state.
/// One source's failure is its own: it is recorded with its reason and the others are polled. Safe to run twice for
/// the same instant: a source polled is not due again until its next poll, and items already uploaded are skipped.
/// </summary>
public sealed class PollSourcesHandler(ISourceStore store, SourcePoller poller, ILogger<PollSourcesHandler> logger) : ITimerHandler
{
    /// <summary>Every minute: the finest interval a feed can have; each feed keeps its own interval and back-off.</summary>
    public const string EveryMinute = "0 * * * * *";

    public string Name => "poll-sources";

    public string Schedule => EveryMinute;

    public Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken) => PollAsync(now, all: false, cancellationToken);

    public async Task<IReadOnlyList<PollReport>> PollAsync(DateTimeOffset now, bool all, CancellationToken cancellationToken)
    {
        var reports = new List<PollReport>();
        foreach (var source in await store.ListAsync(cancellationToken))
        {
            if (!all && !source.IsDue(now))
                continue;
            PollReport report;
            try
            {
                report = await poller.PollAsync(source, now, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Storage or an unforeseen fault: the source is tried again at its next poll, the others go on.
                logger.LogError(e, "Source {Source}: the poll failed", source.Name);
                continue;
            }

            await store.SaveStateAsync(report.Source, cancellationToken);
            reports.Add(report);
        }

        return reports;
    }
}
