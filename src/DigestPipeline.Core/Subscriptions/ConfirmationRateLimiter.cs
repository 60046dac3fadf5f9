using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>
/// Counts the confirmation emails sent in the last hour (sliding window), per address and per client, against
/// <see cref="SubscriptionOptions.ConfirmationsPerAddressPerHour"/> and
/// <see cref="SubscriptionOptions.ConfirmationsPerClientPerHour"/>.
/// </summary>
/// <remarks>
/// In memory, in the one process of the local host (<c>digest up</c>): enough there. Azure Functions scale out to
/// several instances and recycle them, so the same limits there need a shared store (a table row per key with an
/// ETag-checked list of send times, or Redis); this class is the local host's version of that.
/// Addresses are counted by <see cref="Subscriber.IdFor"/>, so no address is held in memory.
/// </remarks>
public sealed class ConfirmationRateLimiter(IOptions<SubscriptionOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Beyond this many keys, keys whose sends have all left the window are dropped.</summary>
    private const int SweepThreshold = 10_000;

    private readonly Dictionary<string, Queue<DateTimeOffset>> _sends = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public bool ClientIsOverLimit(string clientKey) => IsOverLimit("client:" + clientKey, options.Value.ConfirmationsPerClientPerHour);

    public bool AddressIsOverLimit(string subscriberId) => IsOverLimit("address:" + subscriberId, options.Value.ConfirmationsPerAddressPerHour);

    /// <summary>Counts one email sent to <paramref name="subscriberId"/> at <paramref name="clientKey"/>'s request.</summary>
    public void RecordSend(string subscriberId, string clientKey)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            Record("address:" + subscriberId, now);
            Record("client:" + clientKey, now);
            if (_sends.Count > SweepThreshold)
                Sweep(now);
        }
    }

    private bool IsOverLimit(string key, int limit)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_sends.TryGetValue(key, out var sends))
                return false;
            Expire(sends, now);
            return sends.Count >= limit;
        }
    }

    private void Record(string key, DateTimeOffset now)
    {
        if (!_sends.TryGetValue(key, out var sends))
            _sends[key] = sends = new Queue<DateTimeOffset>();
        Expire(sends, now);
        sends.Enqueue(now);
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, sends) in _sends.ToList())
        {
            Expire(sends, now);
            if (sends.Count == 0)
                _sends.Remove(key);
        }
    }

    private static void Expire(Queue<DateTimeOffset> sends, DateTimeOffset now)
    {
        while (sends.TryPeek(out var oldest) && now - oldest >= Window)
            sends.Dequeue();
    }
}
