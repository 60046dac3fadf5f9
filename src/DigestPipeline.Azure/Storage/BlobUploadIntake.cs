using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DigestPipeline.Core.Uploads;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// API uploads into <c>incoming</c>, streamed. The SDK reads a stream of unknown length into a buffer of
/// <c>InitialTransferSize</c> before deciding on one request or blocks (256 MB by default, which would hold any
/// document whole); here it holds at most 1 MB at a time and stages the rest as blocks, committed only at the end, so
/// a body that fails midway (over the cap, a dropped client) leaves uncommitted blocks, which no reader sees and the
/// service discards, never a partial blob. <c>If-None-Match: *</c>: an upload never replaces a blob.
/// </summary>
public sealed class BlobUploadIntake(BlobServiceClient blobs) : IUploadIntake
{
    internal const int TransferSize = 1024 * 1024;

    private readonly BlobContainerClient _incoming = blobs.GetBlobContainerClient(StorageNames.IncomingContainer);

    public async Task<string> PutAsync(string blobName, Stream content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var response = await ExactBlob.Named(_incoming, blobName).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase),
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            TransferOptions = new StorageTransferOptions
            {
                InitialTransferSize = TransferSize,
                MaximumTransferSize = TransferSize,
                MaximumConcurrency = 1,
            },
        }, cancellationToken);
        return response.Value.ETag.ToString();
    }
}
