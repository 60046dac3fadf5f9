using Azure;
using Azure.Data.Tables;
using DigestPipeline.Core.Digests;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// A subscriber's <see cref="DeliveryProgress"/>: a row of the Deliveries table in the subscriber's partition, RowKey
/// <see cref="Row"/> (after every period's key, which starts with a digit), so that a delivery and the progress it
/// makes are written in one entity-group transaction.
/// </summary>
internal sealed class DeliveryProgressEntity : ITableEntity
{
    public const string Row = "progress";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string SubscriberId { get; set; } = "";
    public DateTimeOffset? DeliveredUpTo { get; set; }
    public int BounceCount { get; set; }

    public static DeliveryProgressEntity From(DeliveryProgress progress) => new()
    {
        PartitionKey = TableKey.Encode(progress.SubscriberId),
        ETag = progress.ETag is null ? default : new ETag(progress.ETag),
        SubscriberId = progress.SubscriberId,
        DeliveredUpTo = progress.DeliveredUpTo,
        BounceCount = progress.BounceCount,
    };

    /// <summary>A progress row read by a query that also returns delivery rows.</summary>
    public static DeliveryProgressEntity From(TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        ETag = row.ETag,
        SubscriberId = row.GetString(nameof(SubscriberId)) ?? "",
        DeliveredUpTo = row.GetDateTimeOffset(nameof(DeliveredUpTo)),
        BounceCount = row.GetInt32(nameof(BounceCount)) ?? 0,
    };

    public DeliveryProgress ToProgress() => new(SubscriberId, DeliveredUpTo, BounceCount, ETag.ToString());
}
