using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace DigestPipeline.LocalHost;

/// <summary>A lock shared by every host of one storage account: a lease on a (created on demand, empty) blob.</summary>
internal sealed class BlobLock(BlobClient blob, TimeSpan leaseDuration)
{
    private readonly BlobLeaseClient _lease = blob.GetBlobLeaseClient();

    public string Name => blob.Name;

    /// <returns>false when another holder has the lease.</returns>
    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        await EnsureBlobAsync(cancellationToken);
        try
        {
            await _lease.AcquireAsync(leaseDuration, cancellationToken: cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // LeaseAlreadyPresent: another host holds the lock, which is what the lock is for.
            return false;
        }
    }

    /// <exception cref="RequestFailedException">the lease was lost (expired and taken by another host).</exception>
    public Task RenewAsync(CancellationToken cancellationToken) => _lease.RenewAsync(cancellationToken: cancellationToken);

    public Task ReleaseAsync(CancellationToken cancellationToken) => _lease.ReleaseAsync(cancellationToken: cancellationToken);

    private async Task EnsureBlobAsync(CancellationToken cancellationToken)
    {
        if (await blob.ExistsAsync(cancellationToken))
            return;
        try
        {
            await blob.UploadAsync(
                BinaryData.Empty,
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Another host created it in between: it exists, as wanted.
        }
    }
}
