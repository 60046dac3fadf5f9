namespace DigestPipeline.Core.Subscribers;

/// <summary>What a <see cref="SubscriberSearch"/> found: the whole list's size and counts by state, and the matches, newest first.</summary>
public sealed record SubscriberListing(int Total, IReadOnlyDictionary<SubscriberState, int> Counts, IReadOnlyList<Subscriber> Matching);
