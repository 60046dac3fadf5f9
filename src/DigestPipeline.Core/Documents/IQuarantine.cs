namespace DigestPipeline.Core.Documents;

/// <summary>The <c>quarantine</c> container: copies of the rejected upload versions, with the reason.</summary>
public interface IQuarantine
{
    /// <summary>
    /// Copies the <paramref name="eTag"/> version of an incoming blob into quarantine, with the reason and that
    /// version in its metadata.
    /// </summary>
    Task QuarantineAsync(string blobName, string eTag, RejectionReason reason, string message, CancellationToken cancellationToken);

    /// <summary>The ETag of the upload a quarantined blob was copied from; null when there is none, or it does not say.</summary>
    Task<string?> QuarantinedVersionAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>Deletes a quarantined blob, if there.</summary>
    Task DeleteQuarantinedAsync(string blobName, CancellationToken cancellationToken);
}
