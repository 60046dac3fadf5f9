namespace DigestPipeline.Core.Pipeline;

/// <summary>
/// The pipeline's work waiting and work that failed for good, as an operator sees it: how much waits for each handler,
/// the messages set aside after their last attempt (with the error recorded with them), and sending those back once the
/// cause is fixed. One implementation (the storage account's queues, in DigestPipeline.Azure) serves
/// <c>digest poison</c>, <c>digest status</c> and the operator console alike.
/// </summary>
public interface IFailedWork
{
    /// <summary>Each handler's work and its failed work, in that order, with their approximate depths (messages being handled count too).</summary>
    Task<IReadOnlyList<WorkDepth>> DepthsAsync(CancellationToken cancellationToken);

    /// <summary>Every place failed work is kept: its depth and its first messages, by name.</summary>
    Task<IReadOnlyList<FailedWorkListing>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends failed messages back to the work they failed in (<paramref name="queue"/>, as <see cref="FailedWorkListing.Queue"/> names it): the one with <paramref name="messageId"/>, or all of them
    /// when it is null. Each leaves the failed work only once it was sent back (at least once, never lost).
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no such failed work, or no such message in it; the message says which.</exception>
    Task<FailedWorkReplay> ReplayAsync(string queue, string? messageId, CancellationToken cancellationToken);
}
