using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Uploads;

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

    /// <summary>
    /// Why ingest would refuse the file's format, judged from its first bytes as the upload API judges a body
    /// (<see cref="DocumentReader.RefusedFormat"/>); null when it reads so far.
    /// </summary>
    public static string? RefusedFormat(string path)
    {
        var head = new byte[ApiUploadHandler.FormatWindow];
        int length;
        using (var file = File.OpenRead(path))
            length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return DocumentReader.RefusedFormat(Path.GetFileName(path), head.AsSpan(0, length))?.Message;
    }

    private static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => "text/markdown; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}
