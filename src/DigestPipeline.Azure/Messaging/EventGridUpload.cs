using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Azure.Messaging;

/// <summary>
/// The <c>ingest</c> queue's message: an Event Grid event in the Event Grid schema, as Event Grid writes it to a
/// storage queue (one event per message; an array of exactly one is accepted too), and as the local blob watcher
/// and the repair pass write it. Read with <c>Azure.Messaging.EventGrid</c>, checked here (a BlobCreated event for
/// the <c>incoming</c> container), and handed to Core as an <see cref="UploadArrived"/>.
/// </summary>
public static class EventGridUpload
{
    public const string BlobCreatedType = "Microsoft.Storage.BlobCreated";

    private const string SubjectPrefix = "/blobServices/default/containers/";

    /// <summary>The upload an Event Grid BlobCreated event tells of; null for an event of another type (not ours to ingest).</summary>
    /// <exception cref="FormatException">not one Event Grid event, not a blob of <c>incoming</c>, or BlobCreated data missing.</exception>
    public static UploadArrived? Parse(string messageText)
    {
        var gridEvent = Single(messageText);
        if (gridEvent.EventType != BlobCreatedType)
            return null;

        var (container, blobName) = BlobPath(gridEvent.Subject);
        if (container != StorageNames.IncomingContainer)
            throw new FormatException($"BlobCreated event {gridEvent.Id} is for container '{container}', not '{StorageNames.IncomingContainer}'.");
        if (!gridEvent.TryGetSystemEventData(out var data) || data is not StorageBlobCreatedEventData blob)
            throw new FormatException($"BlobCreated event {gridEvent.Id} has no BlobCreated data.");
        return new UploadArrived(blobName, blob.ETag, blob.Url ?? "", blob.ContentLength ?? 0, blob.ContentType, gridEvent.EventTime);
    }

    /// <summary>
    /// The BlobCreated event of <paramref name="upload"/>, in the Event Grid schema (with a new id), as Event Grid
    /// would write it. Written here rather than by the SDK, whose serializer leaves out <c>metadataVersion</c>.
    /// </summary>
    public static string Write(UploadArrived upload) =>
        JsonSerializer.Serialize(new WireEvent(
            Id: Guid.NewGuid().ToString(),
            Subject: $"{SubjectPrefix}{StorageNames.IncomingContainer}/blobs/{upload.BlobName}",
            EventType: BlobCreatedType,
            EventTime: upload.At,
            Data: new WireData("PutBlob", upload.ContentType, upload.Length, "BlockBlob", upload.Url, upload.ETag)), PipelineJson.Options);

    /// <summary>Event Grid writes one event per queue message; an array of exactly one event is accepted too.</summary>
    private static EventGridEvent Single(string messageText)
    {
        EventGridEvent[] events;
        try
        {
            events = EventGridEvent.ParseMany(BinaryData.FromString(messageText));
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            // The SDK throws ArgumentNullException for a missing id, subject or dataVersion, InvalidOperationException
            // for a missing data.
            throw new FormatException($"Not an Event Grid event: {e.Message}", e);
        }

        return events.Length == 1 ? events[0]
            : throw new FormatException($"Expected one Event Grid event per message, got {events.Length}.");
    }

    /// <summary>Container and blob name from the subject <c>/blobServices/default/containers/{c}/blobs/{name}</c>.</summary>
    private static (string Container, string BlobName) BlobPath(string subject)
    {
        if (!subject.StartsWith(SubjectPrefix, StringComparison.Ordinal))
            throw new FormatException($"Event subject is not a blob path: '{subject}'.");
        var rest = subject[SubjectPrefix.Length..];
        var separator = rest.IndexOf("/blobs/", StringComparison.Ordinal);
        if (separator <= 0 || separator + 7 >= rest.Length)
            throw new FormatException($"Event subject is not a blob path: '{subject}'.");
        return (rest[..separator], rest[(separator + 7)..]);
    }

    private sealed record WireEvent(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("eventType")] string EventType,
        [property: JsonPropertyName("eventTime")] DateTimeOffset EventTime,
        [property: JsonPropertyName("data")] WireData Data)
    {
        [JsonPropertyName("dataVersion")]
        public string DataVersion { get; init; } = "";

        [JsonPropertyName("metadataVersion")]
        public string MetadataVersion { get; init; } = "1";
    }

    private sealed record WireData(
        [property: JsonPropertyName("api")] string Api,
        [property: JsonPropertyName("contentType")] string? ContentType,
        [property: JsonPropertyName("contentLength")] long ContentLength,
        [property: JsonPropertyName("blobType")] string BlobType,
        [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("eTag")] string? ETag);
}
