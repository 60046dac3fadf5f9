namespace DigestPipeline.Core.Documents;

/// <summary>Uploads, normalised documents, quarantine and the Documents status table.</summary>
public interface IDocumentStore
{
    /// <summary>Reads an uploaded blob of the incoming container, refusing to read more than <paramref name="maxBytes"/> + 1 bytes.</summary>
    Task<IncomingBlob?> ReadIncomingAsync(string blobName, long maxBytes, CancellationToken cancellationToken);

    Task<SourceDocument?> GetAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>Writes the normalised document; writing the same id twice leaves one document.</summary>
    Task SaveAsync(SourceDocument document, CancellationToken cancellationToken);

    /// <summary>Deletes the normalised document, if there.</summary>
    Task DeleteAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>Deletes an upload of the incoming container if it still has <paramref name="eTag"/> (a newer upload under the same name stays).</summary>
    Task DeleteIncomingAsync(string blobName, string eTag, CancellationToken cancellationToken);

    /// <summary>
    /// Copies the <paramref name="eTag"/> version of an incoming blob into quarantine, with the reason and that
    /// version in its metadata.
    /// </summary>
    Task QuarantineAsync(string blobName, string eTag, RejectionReason reason, string message, CancellationToken cancellationToken);

    /// <summary>The ETag of the upload a quarantined blob was copied from; null when there is none, or it does not say.</summary>
    Task<string?> QuarantinedVersionAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>Deletes a quarantined blob, if there.</summary>
    Task DeleteQuarantinedAsync(string blobName, CancellationToken cancellationToken);

    Task<DocumentRecord?> GetRecordAsync(string documentId, CancellationToken cancellationToken);

    Task SetRecordAsync(DocumentRecord record, CancellationToken cancellationToken);

    IAsyncEnumerable<DocumentRecord> ListRecordsAsync(CancellationToken cancellationToken);
}

/// <summary>The bytes of an upload as read; <see cref="Truncated"/> when the blob is larger than the cap asked for.</summary>
public sealed record IncomingBlob(string Name, byte[] Content, long Length, bool Truncated, string ETag);
