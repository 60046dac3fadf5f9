using Azure.Storage.Blobs;
using DigestPipeline.Azure.Messaging;
using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.IntegrationTests.Faults;

/// <summary>The ingest message for a blob of <c>incoming</c>, as the blob watcher (or Event Grid) writes it.</summary>
internal static class IncomingEvent
{
    public static async Task<string> ForAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        return EventGridUpload.Write(new UploadArrived(blob.Name, properties.ETag.ToString(), blob.Uri.ToString(),
            properties.ContentLength, properties.ContentType, DateTimeOffset.UtcNow));
    }
}
