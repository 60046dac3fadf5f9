namespace DigestPipeline.Core.Digests;

/// <summary>Another worker holds a fresh claim on this delivery; the message is retried later.</summary>
public sealed class DeliveryInProgressException(string deliveryId, DateTimeOffset claimedAt)
    : Exception($"Digest {deliveryId} is being sent by another worker (claimed at {claimedAt:u}).");
