using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Web;

/// <summary>
/// A token bucket per caller (an API key, an Entra principal): <see cref="ApiOptions.Burst"/> requests at once, then
/// <see cref="ApiOptions.RequestsPerMinute"/> on average, never queued. In memory, so per instance: in Azure, each
/// instance of the Function App counts on its own (a caller spread over n instances gets up to n times the rate).
/// </summary>
public sealed class ApiRateLimiter(IOptions<ApiOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(caller =>
        RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / options.Value.RequestsPerMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <returns>Null when the request may go on; otherwise how long the caller should wait (at least 1 s).</returns>
    public TimeSpan? TryAcquire(string caller)
    {
        using var lease = _limiter.AttemptAcquire(caller);
        if (lease.IsAcquired)
            return null;
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1) / options.Value.RequestsPerMinute;
        return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
    }

    public void Dispose() => _limiter.Dispose();
}
