namespace DigestPipeline.Core.Pipeline;

/// <summary>
/// A handler run on a schedule by exactly one host at a time (a blob lease locally, the Functions timer's own
/// singleton in Azure). Running it twice for the same instant leaves the same end state.
/// </summary>
public interface ITimerHandler
{
    string Name { get; }

    Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
