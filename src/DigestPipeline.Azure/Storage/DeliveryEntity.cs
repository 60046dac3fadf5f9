using System.Globalization;
using Azure;
using Azure.Data.Tables;
using DigestPipeline.Core.Digests;

namespace DigestPipeline.Azure.Storage;

/// <summary>A row of the Deliveries table: PartitionKey = subscriber id, RowKey = period as <c>yyyyMMddTHHmmZ</c> (UTC).</summary>
internal sealed class DeliveryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string SubscriberId { get; set; } = "";
    public DateTimeOffset Period { get; set; }
    public string State { get; set; } = "";
    public DateTimeOffset ClaimedAt { get; set; }
    public DateTimeOffset ContentAfter { get; set; }
    public DateTimeOffset ContentUpTo { get; set; }
    public string MessageId { get; set; } = "";
    public DateTimeOffset? CompletedAt { get; set; }
    public int ItemCount { get; set; }

    public static string PeriodKey(DateTimeOffset period) =>
        period.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);

    public static DeliveryEntity From(Delivery delivery) => new()
    {
        PartitionKey = TableKey.Encode(delivery.SubscriberId),
        RowKey = PeriodKey(delivery.Period),
        ETag = delivery.ETag is null ? default : new ETag(delivery.ETag),
        SubscriberId = delivery.SubscriberId,
        Period = delivery.Period,
        State = delivery.State.ToString(),
        ClaimedAt = delivery.ClaimedAt,
        ContentAfter = delivery.ContentAfter,
        ContentUpTo = delivery.ContentUpTo,
        MessageId = delivery.MessageId,
        CompletedAt = delivery.CompletedAt,
        ItemCount = delivery.ItemCount,
    };

    /// <summary>A delivery row read by a query that also returns the progress row.</summary>
    public static DeliveryEntity From(TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        ETag = row.ETag,
        SubscriberId = row.GetString(nameof(SubscriberId)) ?? "",
        Period = row.GetDateTimeOffset(nameof(Period)) ?? default,
        State = row.GetString(nameof(State)) ?? "",
        ClaimedAt = row.GetDateTimeOffset(nameof(ClaimedAt)) ?? default,
        ContentAfter = row.GetDateTimeOffset(nameof(ContentAfter)) ?? default,
        ContentUpTo = row.GetDateTimeOffset(nameof(ContentUpTo)) ?? default,
        MessageId = row.GetString(nameof(MessageId)) ?? "",
        CompletedAt = row.GetDateTimeOffset(nameof(CompletedAt)),
        ItemCount = row.GetInt32(nameof(ItemCount)) ?? 0,
    };

    public Delivery ToDelivery() => new(
        SubscriberId,
        Period,
        Enum.Parse<DeliveryState>(State, ignoreCase: true),
        ClaimedAt,
        ContentAfter,
        ContentUpTo,
        MessageId,
        CompletedAt,
        ItemCount,
        ETag.ToString());
}
