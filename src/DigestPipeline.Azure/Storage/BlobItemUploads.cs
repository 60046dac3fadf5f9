using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DigestPipeline.Core.Sources;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// Fetched items into <c>incoming</c>, with their origin as metadata. The bytes' hash travels as metadata too, so that
/// writing the same bytes again (a second poll, the same item in two feeds, <c>source run</c> twice) writes no new
/// version and so starts no second ingest; different bytes are a new version of the same blob, which ingest reads as
/// the item's update.
/// </summary>
public sealed class BlobItemUploads(BlobServiceClient blobs) : IItemUploads
{
    private const string ContentHashKey = "contentsha256";

    private readonly BlobContainerClient _incoming = blobs.GetBlobContainerClient(StorageNames.IncomingContainer);

    public async Task<bool> PutAsync(string blobName, byte[] content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(metadata);
        var blob = ExactBlob.Named(_incoming, blobName);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        BlobRequestConditions conditions;
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            if (properties.Metadata.TryGetValue(ContentHashKey, out var stored) && stored == hash)
                return false;
            conditions = new BlobRequestConditions { IfMatch = properties.ETag };
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            conditions = new BlobRequestConditions { IfNoneMatch = ETag.All };
        }

        var all = new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase) { [ContentHashKey] = hash };
        try
        {
            await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = all,
                Conditions = conditions,
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Another poller wrote this item in between: its version stands (the next poll compares again).
            return false;
        }
    }
}
