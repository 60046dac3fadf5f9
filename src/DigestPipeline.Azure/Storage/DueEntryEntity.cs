using System.Globalization;
using Azure;
using Azure.Data.Tables;
using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// A row of the DigestsDue table: PartitionKey = the UTC minute the entry falls due (<c>yyyyMMddHHmm</c>, so that
/// one range scan reads everything due up to a minute, oldest first, and the subscribers due at one minute share a
/// partition, written and removed a hundred per transaction), RowKey = subscriber id.
/// </summary>
internal sealed class DueEntryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string SubscriberId { get; set; } = "";
    public DateTimeOffset Due { get; set; }
    public string Schedule { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public DateTimeOffset? PlannedAt { get; set; }

    public static string Minute(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    public static DueEntryEntity From(DueEntry entry) => new()
    {
        PartitionKey = Minute(entry.Due),
        RowKey = TableKey.Encode(entry.SubscriberId),
        SubscriberId = entry.SubscriberId,
        Due = entry.Due,
        Schedule = entry.Schedule,
        TimeZone = entry.TimeZone,
        PlannedAt = entry.PlannedAt,
        ETag = entry.ETag is null ? default : new ETag(entry.ETag),
    };

    public DueEntry ToEntry() => new(SubscriberId, Due, Schedule, TimeZone, PlannedAt, ETag.ToString());
}
