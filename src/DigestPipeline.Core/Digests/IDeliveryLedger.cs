namespace DigestPipeline.Core.Digests;

/// <summary>
/// The Deliveries table: per subscriber, one row per period, claimed before sending and completed after, and one row
/// of <see cref="DeliveryProgress"/>. It stores what <see cref="Delivery"/>'s rules decide.
/// </summary>
public interface IDeliveryLedger
{
    /// <summary>What the subscriber has received (an empty progress when nothing yet).</summary>
    Task<DeliveryProgress> GetProgressAsync(string subscriberId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the (subscriber, period) delivery. Returns the existing row instead when there is one: the caller
    /// decides from it (<see cref="Delivery.Verdict"/>).
    /// </summary>
    Task<DeliveryClaimResult> ClaimAsync(Delivery delivery, CancellationToken cancellationToken);

    /// <summary>Takes over a stale claim; false when another worker changed the row since it was read.</summary>
    Task<bool> TakeOverAsync(Delivery stale, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Stores a released claim (no change to the subscriber's progress).</summary>
    Task ReleaseAsync(Delivery released, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a final delivery row and its change to the subscriber's progress in one transaction, conditional on
    /// the progress being as last read (<paramref name="lastRead"/>, when the caller has it; else it is read first);
    /// when another writer changed it meanwhile, reads it again and applies the change again. Returns the progress as stored.
    /// </summary>
    Task<DeliveryProgress> CompleteAsync(DeliveryOutcome outcome, DeliveryProgress? lastRead, CancellationToken cancellationToken);

    IAsyncEnumerable<Delivery> ListRecentAsync(int count, CancellationToken cancellationToken);

    /// <summary>The subscriber's latest <paramref name="count"/> deliveries, newest period first (one partition read).</summary>
    IAsyncEnumerable<Delivery> ListForSubscriberAsync(string subscriberId, int count, CancellationToken cancellationToken);

    /// <summary>
    /// What a claim for <paramref name="period"/> needs to know, in one read: the subscriber's progress, and their
    /// deliveries of earlier periods that are still claimed (in flight, or left by a crash).
    /// </summary>
    Task<DeliveryHistory> ReadAsync(string subscriberId, DateTimeOffset period, CancellationToken cancellationToken);
}

public sealed record DeliveryHistory(DeliveryProgress Progress, IReadOnlyList<Delivery> ClaimedBefore);

public sealed record DeliveryClaimResult(bool Claimed, Delivery Delivery);
