using System.Text.Json.Serialization;

namespace DigestPipeline.Core.Pipeline;

/// <summary>
/// An Event Grid event in the Event Grid schema, as Event Grid writes it to a storage queue (one event per message)
/// and as the local blob watcher and <c>digest upload</c> write it.
/// </summary>
public sealed record BlobCreatedEvent(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("topic")] string? Topic,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("eventType")] string EventType,
    [property: JsonPropertyName("eventTime")] DateTimeOffset EventTime,
    [property: JsonPropertyName("data")] BlobCreatedEventData Data,
    [property: JsonPropertyName("dataVersion")] string? DataVersion = "",
    [property: JsonPropertyName("metadataVersion")] string? MetadataVersion = "1")
{
    public const string BlobCreatedType = "Microsoft.Storage.BlobCreated";

    /// <summary>Event Grid writes one event per queue message; an array of exactly one event is accepted too.</summary>
    public static BlobCreatedEvent Parse(string messageText)
    {
        var trimmed = messageText.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] == '[')
        {
            var events = PipelineJson.Deserialize<BlobCreatedEvent[]>(messageText);
            return events.Length == 1 ? events[0]
                : throw new FormatException($"Expected one Event Grid event per message, got {events.Length}.");
        }

        var single = PipelineJson.Deserialize<BlobCreatedEvent>(messageText);
        return single.Subject is null || single.Data is null
            ? throw new FormatException("Not an Event Grid event: 'subject' or 'data' is missing.")
            : single;
    }

    private const string SubjectPrefix = "/blobServices/default/containers/";

    public static BlobCreatedEvent For(string container, string blobName, string url, string eTag, long contentLength, string? contentType, DateTimeOffset eventTime) =>
        new(
            Id: Guid.NewGuid().ToString(),
            Topic: null,
            Subject: $"{SubjectPrefix}{container}/blobs/{blobName}",
            EventType: BlobCreatedType,
            EventTime: eventTime,
            Data: new BlobCreatedEventData("PutBlob", contentType, contentLength, "BlockBlob", url, eTag));

    /// <summary>Container and blob name from the subject <c>/blobServices/default/containers/{c}/blobs/{name}</c>.</summary>
    public (string Container, string BlobName) BlobPath()
    {
        if (!Subject.StartsWith(SubjectPrefix, StringComparison.Ordinal))
            throw new FormatException($"Event subject is not a blob path: '{Subject}'.");
        var rest = Subject[SubjectPrefix.Length..];
        var separator = rest.IndexOf("/blobs/", StringComparison.Ordinal);
        if (separator <= 0 || separator + 7 >= rest.Length)
            throw new FormatException($"Event subject is not a blob path: '{Subject}'.");
        return (rest[..separator], rest[(separator + 7)..]);
    }
}

public sealed record BlobCreatedEventData(
    [property: JsonPropertyName("api")] string Api,
    [property: JsonPropertyName("contentType")] string? ContentType,
    [property: JsonPropertyName("contentLength")] long ContentLength,
    [property: JsonPropertyName("blobType")] string BlobType,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("eTag")] string? ETag);
