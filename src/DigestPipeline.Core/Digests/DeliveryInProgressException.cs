namespace DigestPipeline.Core.Digests;

/// <summary>Another worker holds a claim on this delivery that is not yet timed out; try again once it is.</summary>
/// <param name="RetryAt">When the claim times out and this delivery can be taken over.</param>
public sealed class DeliveryInProgressException(string deliveryId, DateTimeOffset claimedAt, DateTimeOffset retryAt)
    : Exception($"Digest {deliveryId} is being sent by another worker (claimed at {claimedAt:u}).")
{
    public DateTimeOffset RetryAt { get; } = retryAt;
}
