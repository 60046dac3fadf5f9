using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DigestPipeline.Azure.Storage;

namespace DigestPipeline.Cli.Local;

/// <summary>Puts files into the <c>incoming</c> container, as any storage tool would; the blob watcher (or Event Grid) takes it from there.</summary>
public static class DocumentUpload
{
    public static async Task UploadAsync(BlobServiceClient blobs, string path, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(StorageNames.IncomingContainer);
        await using var file = File.OpenRead(path);
        await container.GetBlobClient(Path.GetFileName(path)).UploadAsync(file, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypeOf(path) },
        }, cancellationToken);
    }

    private static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => "text/markdown; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}
