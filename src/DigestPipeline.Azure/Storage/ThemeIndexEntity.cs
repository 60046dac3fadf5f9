using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// A row of the ThemeIndex table, PartitionKey = theme id. A time row's RowKey is
/// <c>time_{(DateTime.MaxValue.Ticks - indexedAt UTC ticks):D19}_{docId}</c>: the ticks inverted, so that a RowKey
/// range is a time range read newest first, and a digest that shows the newest few stops after the first page.
/// Re-indexing the same summaries writes the same rows. Beside them, one <c>first_{docId}</c> row per pair records
/// when it was first indexed (neither prefix is a prefix of the other, so time ranges never include these rows).
/// Time rows written before were keyed <c>{indexedAt UTC ticks:D19}_{docId}</c>, oldest first; they start with a
/// digit, which no current row does, and <see cref="ThemeIndexKeyUpgrade"/> rewrites them.
/// </summary>
internal sealed class ThemeIndexEntity : ITableEntity
{
    private const string TimePrefix = "time_";

    /// <summary>Ascending time rows of before start with a digit: the RowKeys from "0" up to ":", the character after "9".</summary>
    public const string AscendingKeysFrom = "0";
    public const string AscendingKeysTo = ":";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ThemeId { get; set; } = "";
    public string DocumentId { get; set; } = "";
    public DateTimeOffset IndexedAt { get; set; }

    /// <summary>The RowKey prefix of the time rows at <paramref name="utcTicks"/>; a smaller key is a later time.</summary>
    public static string TimeKey(long utcTicks) => TimePrefix + (DateTime.MaxValue.Ticks - utcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The time a time row's RowKey holds, to the tick.</summary>
    public static DateTimeOffset TimeOf(string rowKey) =>
        new(DateTime.MaxValue.Ticks - long.Parse(rowKey.AsSpan(TimePrefix.Length, 19), CultureInfo.InvariantCulture), TimeSpan.Zero);

    /// <summary>The time an ascending time row of before holds in its RowKey, to the tick.</summary>
    public static DateTimeOffset AscendingTimeOf(string rowKey) =>
        new(long.Parse(rowKey.AsSpan(0, 19), CultureInfo.InvariantCulture), TimeSpan.Zero);

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
