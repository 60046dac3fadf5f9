using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// One digest for one subscriber and period: a row of the Deliveries ledger, and the rules of its life. A worker
/// claims it (create-only) before sending; finds it already done, or claimed by another worker and waits, or takes
/// over a claim left too long; ends it sent, skipped, released or bounced. The rules are these methods; the ledger
/// only stores what they decide.
/// </summary>
/// <param name="ContentAfter">Lower bound of the content window: what the subscriber had received when it was claimed.</param>
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

    /// <summary>
    /// The claim a worker makes for <paramref name="period"/>: its window starts where the subscriber's last delivered
    /// digest ended (a first digest looks back <see cref="DigestOptions.FirstDigestLookback"/>) and ends
    /// <see cref="DigestOptions.IndexSettleTime"/> before now, so that documents still being indexed wait for the next one.
    /// The Message-ID is the same at every attempt, so that a digest sent twice after a crash is one message to mail clients.
    /// </summary>
    public static Delivery Claim(Subscriber subscriber, DeliveryProgress progress, DateTimeOffset period, DateTimeOffset now, DigestOptions options) => new(
        subscriber.Id,
        period,
        DeliveryState.Claimed,
        ClaimedAt: now,
        ContentAfter: progress.DeliveredUpTo ?? subscriber.CreatedAt - options.FirstDigestLookback,
        ContentUpTo: now - options.IndexSettleTime,
        MessageId: $"digest-{subscriber.Id}-{period.UtcDateTime:yyyyMMddTHHmmZ}@{DomainOf(options.FromAddress)}");

    /// <summary>
    /// What a worker does with this delivery when its claim found it already there. Sent, skipped or bounced: nothing.
    /// Released after a failed send: take it over at once. Claimed: wait for its owner until
    /// <paramref name="claimTimeout"/> has passed, then take it over; a claim this very process gave up without being
    /// able to release it (<paramref name="abandonedHereAt"/>, its claim time) is taken back at once.
    /// </summary>
    public ClaimVerdict Verdict(DateTimeOffset now, TimeSpan claimTimeout, DateTimeOffset? abandonedHereAt = null) => State switch
    {
        DeliveryState.Sent or DeliveryState.SkippedEmpty or DeliveryState.FailedPermanently => ClaimVerdict.Done,
        DeliveryState.Claimed when now - ClaimedAt < claimTimeout && !IsSameClaim(abandonedHereAt) => ClaimVerdict.WaitUntil(ClaimedAt + claimTimeout),
        _ => ClaimVerdict.TakeOver,
    };

    /// <summary>This delivery as claimed again by a worker taking it over.</summary>
    public Delivery TakenOver(DateTimeOffset now) => this with { State = DeliveryState.Claimed, ClaimedAt = now };

    /// <summary>
    /// When a later period's digest went first (this one failed and was retried after it), it delivered this window
    /// already: nothing is left to send.
    /// </summary>
    public bool IsCoveredBy(DeliveryProgress progress) => progress.DeliveredUpTo >= ContentUpTo;

    /// <summary>
    /// Sent: the subscriber has received everything up to <see cref="ContentUpTo"/>, and the address works, so its
    /// bounce count starts again. One change, stored in one transaction.
    /// </summary>
    public DeliveryOutcome Sent(int itemCount, DateTimeOffset now) =>
        new(Completed(DeliveryState.Sent, now) with { ItemCount = itemCount }, progress => progress.DeliveredThrough(ContentUpTo).WithoutBounces());

    /// <summary>
    /// Not sent, for too few items (<paramref name="itemCount"/> below <see cref="DigestOptions.MinimumItems"/>) or
    /// because a later digest covered it. The subscriber's mark moves only past a window with nothing in it: items
    /// below the minimum wait for the next digest.
    /// </summary>
    public DeliveryOutcome Skipped(int itemCount, DateTimeOffset now) =>
        new(Completed(DeliveryState.SkippedEmpty, now) with { ItemCount = itemCount },
            progress => itemCount == 0 ? progress.DeliveredThrough(ContentUpTo) : progress);

    /// <summary>The digest is covered by a later one that was delivered first; the marks stay as they are.</summary>
    public DeliveryOutcome SkippedAsCovered(DateTimeOffset now) => new(Completed(DeliveryState.SkippedEmpty, now), progress => progress);

    /// <summary>The mail server refused the address for good: never sent again, and one more bounce counted with it.</summary>
    public DeliveryOutcome Bounced(DateTimeOffset now) => new(Completed(DeliveryState.FailedPermanently, now), progress => progress.WithBounce());

    /// <summary>Given back after a failure before the server accepted the digest: any worker may claim it again at once.</summary>
    public Delivery Released(DateTimeOffset now) => Completed(DeliveryState.Released, now);

    /// <summary>
    /// The delivery of an earlier period still in flight that holds this one back, or null: composing now would
    /// repeat its items, since it has not yet moved the subscriber's mark. A claim older than
    /// <paramref name="claimTimeout"/> was left by a crash and holds nothing back.
    /// </summary>
    public static Delivery? HeldBackBy(IEnumerable<Delivery> earlierClaims, DateTimeOffset now, TimeSpan claimTimeout) =>
        earlierClaims.Where(d => d.State == DeliveryState.Claimed && now - d.ClaimedAt < claimTimeout).MinBy(d => d.ClaimedAt);

    private Delivery Completed(DeliveryState state, DateTimeOffset now) => this with { State = state, CompletedAt = now };

    private bool IsSameClaim(DateTimeOffset? claimedAt) =>
        claimedAt is { } at && Math.Abs((at - ClaimedAt).TotalMilliseconds) < 1;

    private static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..];
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

/// <summary>What a worker does with a delivery it found already claimed: nothing, wait, or take it over.</summary>
public readonly record struct ClaimVerdict(ClaimVerdictKind Kind, DateTimeOffset? RetryAt = null)
{
    public static ClaimVerdict Done => new(ClaimVerdictKind.Done);
    public static ClaimVerdict TakeOver => new(ClaimVerdictKind.TakeOver);
    public static ClaimVerdict WaitUntil(DateTimeOffset retryAt) => new(ClaimVerdictKind.Wait, retryAt);
}

public enum ClaimVerdictKind
{
    Done,
    Wait,
    TakeOver,
}

/// <summary>
/// A delivery's final row and what it does to the subscriber's progress, stored together in one transaction (both
/// live in the subscriber's partition of the Deliveries table).
/// </summary>
public sealed record DeliveryOutcome(Delivery Delivery, Func<DeliveryProgress, DeliveryProgress> Progress);
