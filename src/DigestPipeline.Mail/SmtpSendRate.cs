using System.Threading.RateLimiting;

namespace DigestPipeline.Mail;

/// <summary>The limiter behind <see cref="SmtpOptions.MaxMessagesPerSecond"/>.</summary>
public static class SmtpSendRate
{
    /// <summary>
    /// A token bucket refilled at exactly <paramref name="messagesPerSecond"/>, in small steps (about every 50 ms,
    /// or one token at a time below 30/s) and holding no more than one step: so no second ever sees more than the
    /// rate plus one step, even after an idle spell. Waiters queue in order; null when there is no limit.
    /// </summary>
    public static TokenBucketRateLimiter? CreateLimiter(int messagesPerSecond)
    {
        if (messagesPerSecond <= 0)
        {
            return null;
        }

        var tokensPerStep = Math.Max(1, (int)Math.Round(messagesPerSecond / 20.0));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokensPerStep,
            TokensPerPeriod = tokensPerStep,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)tokensPerStep / messagesPerSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}
