namespace DigestPipeline.Core.Pipeline;

/// <summary>
/// A handler run on a schedule by exactly one host at a time (a blob lease locally, the Functions timer's own
/// singleton in Azure). Running it twice for the same instant leaves the same end state.
/// </summary>
public interface ITimerHandler
{
    string Name { get; }

    /// <summary>
    /// When the hosts run it: cron, UTC, 5 fields or 6 with seconds. The Functions app's timer trigger and the local
    /// host's singleton timer both read it from here (the trigger attribute through the handler's constant), so the
    /// two hosts keep the same rhythm.
    /// </summary>
    string Schedule { get; }

    Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
