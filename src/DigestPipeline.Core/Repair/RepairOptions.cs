using System.ComponentModel.DataAnnotations;
using DigestPipeline.Core.Documents;

namespace DigestPipeline.Core.Repair;

/// <summary>Settings of the repair pass (section <c>Repair</c>).</summary>
public sealed class RepairOptions
{
    public const string Section = "Repair";

    /// <summary>
    /// Work older than this with no progress is taken as stuck: an upload never marked handled, a document left
    /// <c>Ingested</c>. Well above what a healthy pipeline takes, so that work still in a queue is not sent twice
    /// (sending twice is harmless, every handler being idempotent, but wasteful).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Actions of one pass at most; the next pass goes on where this one stopped.</summary>
    [Range(1, 100_000)]
    public int MaxActionsPerRun { get; set; } = 200;

    /// <summary>
    /// A document received or ingested that has made no progress for longer than <see cref="StuckAfter"/>: what
    /// <c>digest status</c> and the operator console call stuck (the repair pass sends it on).
    /// </summary>
    public bool IsStuck(DocumentRecord record, DateTimeOffset now) =>
        record.Status is DocumentStatus.Received or DocumentStatus.Ingested && now - record.UpdatedAt > StuckAfter;
}
