namespace DigestPipeline.Core.Digests;

/// <summary>
/// What a subscriber has received: content up to <see cref="DeliveredUpTo"/> (the next digest starts after it), and
/// the permanent rejections of their address since their last delivered digest. Stored next to their deliveries, so
/// that a delivery and its effect on these marks change together.
/// </summary>
/// <param name="ETag">Concurrency token of the stored row (null when none is stored yet).</param>
public sealed record DeliveryProgress(string SubscriberId, DateTimeOffset? DeliveredUpTo = null, int BounceCount = 0, string? ETag = null)
{
    /// <summary>Content up to <paramref name="upTo"/> was delivered; the mark never moves backwards.</summary>
    public DeliveryProgress DeliveredThrough(DateTimeOffset upTo) =>
        DeliveredUpTo >= upTo ? this : this with { DeliveredUpTo = upTo };

    public DeliveryProgress WithBounce() => this with { BounceCount = BounceCount + 1 };

    public DeliveryProgress WithoutBounces() => BounceCount == 0 ? this : this with { BounceCount = 0 };

    /// <summary>At <paramref name="bounceLimit"/> bounces in a row the subscriber gets no more digests (<see cref="Subscribers.SubscriberState.Bouncing"/>).</summary>
    public bool HasBouncedTooOften(int bounceLimit) => BounceCount >= bounceLimit;
}
