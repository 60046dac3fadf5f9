using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Azure.Storage;

/// <summary>The <c>digests</c> container: <c>digests/{deliveryId}.html</c>.</summary>
public sealed class BlobDigestArchive(BlobServiceClient blobs) : IDigestArchive
{
    private readonly BlobContainerClient _digests = blobs.GetBlobContainerClient(StorageNames.DigestsContainer);

    public async Task SaveAsync(string deliveryId, string html, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deliveryId);
        await _digests.GetBlobClient($"{deliveryId}.html").UploadAsync(
            BinaryData.FromString(html),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8" } },
            cancellationToken);
    }

    public async Task<string?> GetAsync(string deliveryId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deliveryId);
        try
        {
            var content = await _digests.GetBlobClient($"{deliveryId}.html").DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
