using Azure.Storage.Blobs;

namespace DigestPipeline.Azure.Storage;

internal static class ExactBlob
{
    /// <summary>
    /// The blob of exactly this name in this container. URL clients resolve "." and ".." segments, so a name like
    /// "../documents/x.json" would address another container: refused here whatever the caller checked.
    /// </summary>
    public static BlobClient Named(BlobContainerClient container, string blobName)
    {
        var blob = container.GetBlobClient(blobName);
        if (blob.Name != blobName || blob.BlobContainerName != container.Name)
            throw new ArgumentException($"The blob name would address '{blob.BlobContainerName}/{blob.Name}' instead of a blob of '{container.Name}'.", nameof(blobName));
        return blob;
    }
}
