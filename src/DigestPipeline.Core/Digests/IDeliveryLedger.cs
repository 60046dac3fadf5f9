namespace DigestPipeline.Core.Digests;

/// <summary>The Deliveries table: one row per subscriber and period, claimed before sending and marked after.</summary>
public interface IDeliveryLedger
{
    /// <summary>
    /// Claims the (subscriber, period) delivery. Returns the existing row instead when there is one: the caller
    /// decides from its state (sent: nothing to do; claimed: see <see cref="DigestOptions.ClaimTimeout"/>).
    /// </summary>
    Task<DeliveryClaimResult> ClaimAsync(Delivery delivery, CancellationToken cancellationToken);

    /// <summary>Takes over a stale claim; false when another worker changed the row since it was read.</summary>
    Task<bool> TakeOverAsync(Delivery stale, DateTimeOffset now, CancellationToken cancellationToken);

    Task CompleteAsync(Delivery delivery, DeliveryState state, DateTimeOffset now, CancellationToken cancellationToken);

    IAsyncEnumerable<Delivery> ListRecentAsync(int count, CancellationToken cancellationToken);

    /// <summary>The subscriber's deliveries of periods before <paramref name="period"/> that are still claimed (in flight, or left by a crash).</summary>
    IAsyncEnumerable<Delivery> ListClaimedBeforeAsync(string subscriberId, DateTimeOffset period, CancellationToken cancellationToken);
}

/// <param name="ContentUpTo">Upper bound of the content window, fixed at the first claim so that retries compose the same digest.</param>
/// <param name="ETag">Concurrency token of the stored row (null before it is stored).</param>
public sealed record Delivery(
    string SubscriberId,
    DateTimeOffset Period,
    DeliveryState State,
    DateTimeOffset ClaimedAt,
    DateTimeOffset ContentAfter,
    DateTimeOffset ContentUpTo,
    string MessageId,
    DateTimeOffset? CompletedAt = null,
    int ItemCount = 0,
    string? ETag = null)
{
    public string Id => $"{SubscriberId}-{Period.UtcDateTime:yyyyMMddTHHmmZ}";
}

public enum DeliveryState
{
    Claimed,
    Sent,
    SkippedEmpty,

    /// <summary>The claimant failed before the server accepted the message; any worker may claim it again at once.</summary>
    Released,

    /// <summary>The server rejected the recipient permanently (5xx): counted as a bounce, never sent again.</summary>
    FailedPermanently,
}

public sealed record DeliveryClaimResult(bool Claimed, Delivery Delivery);
