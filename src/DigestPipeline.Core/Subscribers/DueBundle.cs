namespace DigestPipeline.Core.Subscribers;

/// <summary>
/// Due entries stored, claimed and removed together: what one write placed at one minute (a digest batch's
/// subscribers moving on to the same next occurrence, or one subscriber's sign-up). A planner reads and claims a
/// bundle of a hundred as one row, so that what it costs follows the batches due, not the subscribers.
/// </summary>
/// <param name="Key">The bundle's identity within its minute, the same whenever the same entries are placed again.</param>
/// <param name="PlannedAt">When a planner queued this bundle's digests and has not yet removed it; null until then.</param>
/// <param name="ETag">The stored bundle's version, for conditional writes.</param>
public sealed record DueBundle(string Key, IReadOnlyList<DueEntry> Entries, DateTimeOffset? PlannedAt = null, string? ETag = null)
{
    /// <summary>When the last of its entries falls due.</summary>
    public DateTimeOffset Due => Entries.Max(e => e.Due);
}
