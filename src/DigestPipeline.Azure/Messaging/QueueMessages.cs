using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Azure.Messaging;

/// <summary>
/// Which queue each of Core's messages goes to, and its text there: an <see cref="UploadArrived"/> is a BlobCreated
/// event on <c>ingest</c> (<see cref="EventGridUpload"/>); a <see cref="SummarizeMessage"/> (<c>summarize</c>) and a
/// <see cref="DigestBatchMessage"/> (<c>digest</c>) are JSON with their <c>schemaVersion</c>, in
/// <see cref="PipelineJson"/>'s convention.
/// </summary>
public static class QueueMessages
{
    /// <summary>The queue and text of <paramref name="message"/>.</summary>
    /// <exception cref="ArgumentException">not a message of the pipeline's queues.</exception>
    public static (string Queue, string Text) Encode(object message) => message switch
    {
        UploadArrived upload => (StorageNames.IngestQueue, EventGridUpload.Write(upload)),
        SummarizeMessage summarize => (StorageNames.SummarizeQueue, PipelineJson.Serialize(summarize)),
        DigestBatchMessage digest => (StorageNames.DigestQueue, PipelineJson.Serialize(digest)),
        _ => throw new ArgumentException($"No queue takes a {message.GetType().Name}.", nameof(message)),
    };

    /// <exception cref="FormatException">not a message of the <c>summarize</c> queue, or of another schema version.</exception>
    public static SummarizeMessage ParseSummarize(string text)
    {
        var message = PipelineJson.Deserialize<SummarizeMessage>(text);
        return message.SchemaVersion == SummarizeMessage.CurrentVersion
            ? message
            : throw new FormatException($"Unsupported summarize message version {message.SchemaVersion}.");
    }

    /// <exception cref="FormatException">not a message of the <c>digest</c> queue, or of another schema version.</exception>
    public static DigestBatchMessage ParseDigestBatch(string text)
    {
        var message = PipelineJson.Deserialize<DigestBatchMessage>(text);
        return message.SchemaVersion == DigestBatchMessage.CurrentVersion
            ? message
            : throw new FormatException($"Unsupported digest message version {message.SchemaVersion}.");
    }
}
