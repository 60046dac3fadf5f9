using Azure;
using Azure.Data.Tables;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Azure.Storage;

/// <summary>A row of the Subscribers table: PartitionKey = subscriber id, RowKey = <see cref="Row"/>.</summary>
internal sealed class SubscriberEntity : ITableEntity
{
    public const string Row = "subscriber";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Id { get; set; } = "";
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";

    /// <summary>Theme ids as a JSON array.</summary>
    public string Themes { get; set; } = "[]";

    public string Language { get; set; } = "";

    /// <summary>
    /// <see cref="Subscriber.AlsoReads"/> as a JSON array. Rows written before subscribers chose languages have no such
    /// property: they read as none, the digest language only, which is what those subscribers got until then.
    /// </summary>
    public string? AlsoReads { get; set; }

    public string Schedule { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public string State { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// What was delivered, as rows written before the Deliveries table held it recorded it: read by
    /// <see cref="TableDeliveryLedger.GetProgressAsync"/> until the subscriber's first delivery there, never written anew.
    /// </summary>
    public DateTimeOffset? LastDigestUpTo { get; set; }

    /// <summary>Bounces, as rows written before the Deliveries table held them recorded them (see <see cref="LastDigestUpTo"/>).</summary>
    public int BounceCount { get; set; }

    public static SubscriberEntity From(Subscriber subscriber) => new()
    {
        PartitionKey = TableKey.Encode(subscriber.Id),
        Id = subscriber.Id,
        Email = subscriber.Email,
        DisplayName = subscriber.DisplayName,
        Themes = PipelineJson.Serialize(subscriber.Themes),
        Language = subscriber.Language,
        AlsoReads = PipelineJson.Serialize(subscriber.AlsoReads),
        Schedule = subscriber.Schedule,
        TimeZone = subscriber.TimeZone,
        State = subscriber.State.ToString(),
        CreatedAt = subscriber.CreatedAt,
    };

    public Subscriber ToSubscriber() => new(
        Id,
        Email,
        DisplayName,
        PipelineJson.Deserialize<string[]>(Themes),
        Language,
        Schedule,
        TimeZone,
        Enum.Parse<SubscriberState>(State, ignoreCase: true),
        CreatedAt)
    {
        AlsoReads = string.IsNullOrEmpty(AlsoReads) || PipelineJson.Deserialize<string[]>(AlsoReads) is not { Length: > 0 } others ? [] : others,
    };
}
