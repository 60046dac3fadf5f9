namespace DigestPipeline.Core.Subscribers;

/// <summary>
/// The Subscribers table: who each subscriber is and what they chose (what they have received is in the Deliveries
/// ledger, <see cref="Digests.IDeliveryLedger"/>). A write that leaves a subscriber active with a schedule they did not
/// have active before (<see cref="DueEntry.Moves"/>) places them in the <see cref="IDueIndex"/> at its next occurrence.
/// </summary>
public interface ISubscriberStore
{
    Task UpsertAsync(Subscriber subscriber, CancellationToken cancellationToken);

    Task<Subscriber?> GetAsync(string subscriberId, CancellationToken cancellationToken);

    IAsyncEnumerable<Subscriber> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>Every subscriber, whatever their state. Reads the whole table: for the operator's listings, not hot paths.</summary>
    IAsyncEnumerable<Subscriber> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Changes the subscriber's settings: state, display name, themes, language and the other languages read, schedule
    /// and time zone (the address, creation time stay as stored, even if they change meanwhile).
    /// <paramref name="change"/> gets the stored subscriber and returns it changed, or null to write nothing; it may run
    /// more than once when another writer changes the row concurrently.
    /// </summary>
    /// <returns>The subscriber as stored afterwards; null when there is no such subscriber.</returns>
    Task<Subscriber?> ChangeSettingsAsync(string subscriberId, Func<Subscriber, Subscriber?> change, CancellationToken cancellationToken);
}
