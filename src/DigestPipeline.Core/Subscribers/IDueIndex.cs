namespace DigestPipeline.Core.Subscribers;

/// <summary>
/// The due index: one entry per active subscriber at the time their next scheduled digest falls due, so that a
/// planning run reads what is due, not the whole list. Placed by every write that activates a subscriber or moves
/// their schedule (<see cref="ISubscriberStore"/>), moved on by whoever handles the subscriber's digest, rebuilt from
/// the Subscribers table by the repair pass; a subscriber may briefly have two entries, never none for long.
/// Entries placed together at one minute are kept together as a <see cref="DueBundle"/>.
/// </summary>
public interface IDueIndex
{
    /// <summary>
    /// Places the entries, those of one minute together in bundles of at most <see cref="BundleLimit"/>; placing
    /// the same entries again changes nothing.
    /// </summary>
    Task PlaceAsync(IReadOnlyCollection<DueEntry> entries, CancellationToken cancellationToken);

    /// <summary>Bundles whose entries are all due at or before <paramref name="now"/>, oldest first, read page by page.</summary>
    IAsyncEnumerable<DueBundle> ReadDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the bundles planned at <paramref name="now"/>, each only if unchanged since it was read; returns those
    /// this caller now holds (none of a group another planner changed first).
    /// </summary>
    Task<IReadOnlyList<DueBundle>> ClaimAsync(IReadOnlyList<DueBundle> bundles, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes planned bundles; one already gone is no error.</summary>
    Task RemoveAsync(IReadOnlyCollection<DueBundle> bundles, CancellationToken cancellationToken);

    /// <summary>
    /// Gathers the part-filled bundles of each minute after <paramref name="after"/> into full ones (a list's
    /// sign-ups, a row each, become a row per hundred before they fall due): the new rows are written before the old
    /// ones are removed, so an entry is never missing, at worst held twice, which the planner plans once.
    /// </summary>
    /// <returns>How many rows were gathered into fewer.</returns>
    Task<int> CompactAsync(DateTimeOffset after, CancellationToken cancellationToken);

    /// <summary>Every entry (the repair pass).</summary>
    IAsyncEnumerable<DueEntry> ListAsync(CancellationToken cancellationToken);

    /// <summary>The most entries one bundle holds: a digest batch's worth.</summary>
    const int BundleLimit = 100;
}
