using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Azure.Storage;

/// <summary>Quarantine (<c>quarantine</c>): server-side copies of the rejected upload versions of <c>incoming</c>.</summary>
public sealed class BlobQuarantine(BlobServiceClient blobs, ILogger<BlobQuarantine> logger) : IQuarantine
{
    /// <summary>Quarantine metadata: the ETag of the upload version the copy holds.</summary>
    private const string SourceVersionMetadata = "sourceetag";

    private readonly BlobContainerClient _incoming = blobs.GetBlobContainerClient(StorageNames.IncomingContainer);
    private readonly BlobContainerClient _quarantine = blobs.GetBlobContainerClient(StorageNames.QuarantineContainer);

    public async Task QuarantineAsync(string blobName, string eTag, RejectionReason reason, string message, CancellationToken cancellationToken)
    {
        var source = ExactBlob.Named(_incoming, blobName);
        var target = ExactBlob.Named(_quarantine, blobName);
        var metadata = new Dictionary<string, string>
        {
            // Metadata travels in HTTP headers: ASCII only, hence the escaping.
            ["reason"] = Uri.EscapeDataString(reason.ToString()),
            ["message"] = Uri.EscapeDataString(message),
            [SourceVersionMetadata] = Uri.EscapeDataString(eTag),
        };

        // A server-side copy within the account: the bytes never come through this process, whatever their size.
        // Only of the version that was rejected: a newer upload under the same name fails the copy, and the retry
        // reads that one.
        var copy = await target.StartCopyFromUriAsync(source.Uri, new BlobCopyFromUriOptions
        {
            Metadata = metadata,
            SourceConditions = new BlobRequestConditions { IfMatch = new ETag(eTag) },
        }, cancellationToken);
        await copy.WaitForCompletionAsync(TimeSpan.FromMilliseconds(250), cancellationToken);
        logger.LogInformation("Quarantined {BlobName}: {Reason}", blobName, reason);
    }

    public async Task<string?> QuarantinedVersionAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await ExactBlob.Named(_quarantine, blobName).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.Metadata.TryGetValue(SourceVersionMetadata, out var eTag) ? Uri.UnescapeDataString(eTag) : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public Task DeleteQuarantinedAsync(string blobName, CancellationToken cancellationToken) =>
        ExactBlob.Named(_quarantine, blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);
}
