namespace DigestPipeline.Core.Subscribers;

/// <summary>
/// An operator's search of the subscribers (<c>digest subscribers list</c> and the console's subscribers page): those
/// whose address or name contains <see cref="Text"/> (case aside), in <see cref="State"/>, newest first, with the
/// counts by state of the whole list.
/// </summary>
/// <param name="Text">Part of the address or name; null or empty for everyone.</param>
/// <param name="State">Only subscribers in this state; null for every state.</param>
public sealed record SubscriberSearch(string? Text = null, SubscriberState? State = null)
{
    public bool Matches(Subscriber subscriber) =>
        (State is null || subscriber.State == State)
        && (string.IsNullOrEmpty(Text)
            || subscriber.Email.Contains(Text, StringComparison.OrdinalIgnoreCase)
            || subscriber.DisplayName.Contains(Text, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the whole list once (<see cref="ISubscriberStore.ListAllAsync"/>: for operators, not hot paths).</summary>
    public async Task<SubscriberListing> RunAsync(ISubscriberStore store, CancellationToken cancellationToken)
    {
        var all = new List<Subscriber>();
        await foreach (var subscriber in store.ListAllAsync(cancellationToken))
            all.Add(subscriber);
        var counts = Enum.GetValues<SubscriberState>().ToDictionary(s => s, s => all.Count(x => x.State == s));
        return new SubscriberListing(all.Count, counts, all.Where(Matches).OrderByDescending(s => s.CreatedAt).ToList());
    }
}
