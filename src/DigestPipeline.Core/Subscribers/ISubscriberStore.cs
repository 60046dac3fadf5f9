namespace DigestPipeline.Core.Subscribers;

/// <summary>The Subscribers table.</summary>
public interface ISubscriberStore
{
    Task UpsertAsync(Subscriber subscriber, CancellationToken cancellationToken);

    Task<Subscriber?> GetAsync(string subscriberId, CancellationToken cancellationToken);

    IAsyncEnumerable<Subscriber> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>Records that a digest is planned for <paramref name="period"/>; never moves the mark backwards.</summary>
    Task MarkPlannedAsync(string subscriberId, DateTimeOffset period, CancellationToken cancellationToken);

    /// <summary>Records that content up to <paramref name="upTo"/> was delivered; never moves the mark backwards.</summary>
    Task MarkDeliveredAsync(string subscriberId, DateTimeOffset upTo, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one permanent rejection of the subscriber's address; at <paramref name="bounceLimit"/> an active
    /// subscriber becomes <see cref="SubscriberState.Bouncing"/>. Returns the subscriber as stored after the change.
    /// </summary>
    Task<Subscriber> RecordBounceAsync(string subscriberId, int bounceLimit, CancellationToken cancellationToken);

    /// <summary>A digest reached the subscriber: the bounce count starts again from zero.</summary>
    Task ResetBouncesAsync(string subscriberId, CancellationToken cancellationToken);

    /// <summary>
    /// Changes the subscriber's settings: state, display name, themes, language, schedule and time zone (the address,
    /// creation time and the progress marks stay as stored, even if they change meanwhile). <paramref name="change"/> gets the stored
    /// subscriber and returns it changed, or null to write nothing; it may run more than once when another writer
    /// changes the row concurrently.
    /// </summary>
    /// <returns>The subscriber as stored afterwards; null when there is no such subscriber.</returns>
    Task<Subscriber?> ChangeSettingsAsync(string subscriberId, Func<Subscriber, Subscriber?> change, CancellationToken cancellationToken);
}
