using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// A row of the DigestsDue table: one <see cref="DueBundle"/>. PartitionKey = the UTC minute its entries fall due
/// (<c>yyyyMMddHHmm</c>, so that one range scan reads everything due up to a minute, oldest first, and the bundles
/// due at one minute are claimed and removed a hundred per transaction), RowKey = the bundle's key, a hash of its
/// subscribers (placing the same entries again rewrites the same row). The entries are packed as JSON in one
/// property: a planner reads a thousand rows for 100,000 subscribers, not 100,000 (Azure serves a partition about
/// 2,000 entities a second; Azurite scans its whole table for every page of a query).
/// </summary>
internal sealed class DueBundleEntity : ITableEntity
{
    /// <summary>A string property holds at most 32K UTF-16 characters; a bundle whose entries would not fit is split.</summary>
    public const int MaxPackedLength = 30_000;

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Entries { get; set; } = "[]";
    public DateTimeOffset? PlannedAt { get; set; }

    public static string Minute(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    /// <summary>The row for entries of one minute, keyed by its subscribers.</summary>
    public static DueBundleEntity Pack(IReadOnlyCollection<DueEntry> entries)
    {
        var ids = string.Join('\n', entries.Select(e => e.SubscriberId).Order(StringComparer.Ordinal));
        return new DueBundleEntity
        {
            PartitionKey = Minute(entries.First().Due),
            RowKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ids)).AsSpan(0, 16)),
            Entries = JsonSerializer.Serialize(entries.Select(e => new Packed(e.SubscriberId, e.Due, e.Schedule, e.TimeZone)), PackedJson.Default.IEnumerablePacked),
        };
    }

    public DueBundle ToBundle()
    {
        var entries = JsonSerializer.Deserialize(Entries, PackedJson.Default.ListPacked) ?? [];
        return new DueBundle(RowKey, entries.ConvertAll(p => new DueEntry(p.S, p.D, p.C, p.Z)), PlannedAt, ETag.ToString());
    }

    internal sealed record Packed(string S, DateTimeOffset D, string C, string Z);
}

[JsonSerializable(typeof(IEnumerable<DueBundleEntity.Packed>))]
[JsonSerializable(typeof(List<DueBundleEntity.Packed>))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class PackedJson : JsonSerializerContext;
