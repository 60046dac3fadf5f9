using System.ComponentModel.DataAnnotations;
using DigestPipeline.Core.Email;

namespace DigestPipeline.Core.Digests;

public sealed class DigestOptions
{
    public const string Section = "Digests";

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "digest@digestpipeline.localhost";

    public string FromName { get; set; } = "DigestPipeline";

    /// <summary>Cron (5 fields, UTC) of the planning timer.</summary>
    [Required]
    public string PlanSchedule { get; set; } = "*/5 * * * *";

    /// <summary>Subscribers per <c>digest</c> queue message.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How many of a batch's subscribers are claimed, and their digests sent and completed, at once (their ledger rows
    /// are independent); and how many batches a planning run queues at once.
    /// </summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 8;

    [Range(1, 100)]
    public int MaxItemsPerTheme { get; set; } = 5;

    /// <summary>
    /// A digest with fewer new items than this is skipped; the items wait for the next digest (they are not
    /// counted as received), so a quiet week adds up instead of being dropped.
    /// </summary>
    [Range(1, 1000)]
    public int MinimumItems { get; set; } = 1;

    /// <summary>
    /// A delivery claimed longer ago than this without being marked sent is taken to have crashed and is sent
    /// again (with the same Message-ID); a younger claim is left to its owner.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Content indexed in the last moments before a digest is left to the next one, so that an index row being
    /// written while the digest is composed is never skipped.
    /// </summary>
    public TimeSpan IndexSettleTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A subscriber's first digest covers summaries indexed this long before they subscribed.</summary>
    public TimeSpan FirstDigestLookback { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Permanent rejections of an address (5xx on the recipient) after which the subscriber is marked bouncing and
    /// gets no more digests; a delivered digest starts the count again.
    /// </summary>
    [Range(1, 100)]
    public int BounceLimit { get; set; } = 3;

    /// <summary>
    /// After downtime, the oldest content the one catch-up digest may carry (the planner plans only the latest
    /// occurrence missed, however long ago the subscriber's due entry fell due).
    /// </summary>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromDays(7);
}
