namespace DigestPipeline.Core.Pipeline;

/// <summary>
/// Exponential back-off with jitter between attempts: the base delay doubled for each attempt after the first,
/// capped at the maximum, then a random point in its upper half. Used by the SMTP sender between its attempts and by
/// the queue endpoint (the Azure edge) between a message's.
/// </summary>
/// <remarks>
/// The jitter spreads the retries of many messages that failed together (a server restart), so they do not come
/// back at the same instant; keeping the lower half guarantees a real pause even on an unlucky draw.
/// </remarks>
public sealed class JitteredBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;

    /// <param name="failedAttempt">The attempt that just failed, from 1.</param>
    public TimeSpan DelayAfter(int failedAttempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempt, 1);
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failedAttempt - 1, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + _random.NextDouble() * capped / 2);
    }
}
