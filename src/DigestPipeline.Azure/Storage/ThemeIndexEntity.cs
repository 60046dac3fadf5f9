using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// A row of the ThemeIndex table: PartitionKey = theme id, RowKey = <c>{indexedAt UTC ticks:D19}_{docId}</c>, so a
/// RowKey range is a time range and re-indexing the same summaries writes the same rows. Beside them, one
/// <c>first_{docId}</c> row per pair records when it was first indexed (letters sort after digits, so time ranges
/// never include these rows).
/// </summary>
internal sealed class ThemeIndexEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ThemeId { get; set; } = "";
    public string DocumentId { get; set; } = "";
    public DateTimeOffset IndexedAt { get; set; }

    public static string TimeKey(long utcTicks) => utcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The UTC ticks a time row's RowKey starts with.</summary>
    public static long TicksOf(string rowKey) => long.Parse(rowKey.AsSpan(0, 19), CultureInfo.InvariantCulture);

    public static ThemeIndexEntity FirstIndexed(string themeId, string documentId, DateTimeOffset indexedAt) => new()
    {
        PartitionKey = TableKey.Encode(themeId),
        RowKey = $"first_{TableKey.Encode(documentId)}",
        ThemeId = themeId,
        DocumentId = documentId,
        IndexedAt = indexedAt,
    };

    public static ThemeIndexEntity For(string themeId, string documentId, DateTimeOffset indexedAt) => new()
    {
        PartitionKey = TableKey.Encode(themeId),
        RowKey = $"{TimeKey(indexedAt.UtcTicks)}_{TableKey.Encode(documentId)}",
        ThemeId = themeId,
        DocumentId = documentId,
        IndexedAt = indexedAt,
    };
}
