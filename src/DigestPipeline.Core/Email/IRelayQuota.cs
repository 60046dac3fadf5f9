namespace DigestPipeline.Core.Email;

/// <summary>
/// The mail relay's sending quota, shared by every instance that sends through it (the Functions app scales out to
/// many; each instance's own limiter cannot see the others). Turns are handed out one message at a time, at least
/// <c>1 min / perMinute</c> apart over all instances together.
/// </summary>
public interface IRelayQuota
{
    /// <summary>Waits for this message's turn; returns it when it has come and the message may be sent.</summary>
    /// <exception cref="RelayQuotaDeferredException">
    /// the next free turn is more than <paramref name="maxWait"/> away: nothing was taken; try again at its <c>RetryAt</c>.
    /// </exception>
    Task<DateTimeOffset> WaitForTurnAsync(int perMinute, TimeSpan maxWait, CancellationToken cancellationToken);
}

/// <summary>
/// The relay's quota is taken for longer than a sender should wait holding its work: the message is to be sent later,
/// at <see cref="RetryAt"/> or after. Not a failure: the digest is re-queued, not retried.
/// </summary>
public sealed class RelayQuotaDeferredException(DateTimeOffset retryAt)
    : Exception($"The mail relay's quota is taken until {retryAt:u}; sending later.")
{
    public DateTimeOffset RetryAt { get; } = retryAt;
}
