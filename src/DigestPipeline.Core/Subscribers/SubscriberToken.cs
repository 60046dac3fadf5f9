namespace DigestPipeline.Core.Subscribers;

/// <summary>What an authentic token says: who, for what, about what, until when.</summary>
/// <param name="Subject">
/// The theme id (<see cref="TokenPurpose.UnsubscribeTheme"/>), the delivery id (<see cref="TokenPurpose.ViewDigest"/>)
/// or the document id (<see cref="TokenPurpose.ViewDocument"/>); empty for the other purposes.
/// </param>
public sealed record SubscriberToken(string SubscriberId, TokenPurpose Purpose, string Subject, DateTimeOffset ExpiresAt);
