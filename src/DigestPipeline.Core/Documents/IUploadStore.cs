namespace DigestPipeline.Core.Documents;

/// <summary>The uploads of the <c>incoming</c> container, and the marks ingest and the repair pass leave on each upload version.</summary>
public interface IUploadStore
{
    /// <summary>Reads an uploaded blob of the incoming container, refusing to read more than <paramref name="maxBytes"/> + 1 bytes.</summary>
    Task<IncomingBlob?> ReadIncomingAsync(string blobName, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Deletes an upload of the incoming container if it still has <paramref name="eTag"/> (a newer upload under the same name stays).</summary>
    Task DeleteIncomingAsync(string blobName, string eTag, CancellationToken cancellationToken);

    /// <summary>Every upload of the incoming container (name, version, time), for the repair pass.</summary>
    IAsyncEnumerable<IncomingUpload> ListIncomingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records that ingest dealt with this version of an upload, whatever the outcome (a document, the same content
    /// as another, a rejection), and the id of the <see cref="DocumentRecord"/> that records the outcome: the repair
    /// pass publishes again the uploads without such a mark, or whose record is gone (an emulator crash can lose a
    /// row and keep a later write).
    /// </summary>
    Task MarkUploadHandledAsync(string blobName, string eTag, string recordId, CancellationToken cancellationToken);

    /// <summary>Records that the repair pass sent this upload's event again at <paramref name="at"/> (so the next pass waits before sending it once more).</summary>
    Task MarkUploadRepublishedAsync(string blobName, string eTag, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The mark of one upload version (one point read), or null when ingest has not dealt with it yet.</summary>
    Task<UploadMark?> GetUploadMarkAsync(string blobName, string eTag, CancellationToken cancellationToken);

    /// <summary>Every upload version with a mark, by <see cref="IncomingUpload.Key"/>.</summary>
    Task<IReadOnlyDictionary<string, UploadMark>> ListUploadMarksAsync(CancellationToken cancellationToken);
}

/// <summary>What is known of one upload version: the record ingest wrote for it (null until handled), and when the repair pass last sent its event again.</summary>
public sealed record UploadMark(string? RecordId, DateTimeOffset? RepublishedAt);

/// <summary>One version of an upload in the incoming container.</summary>
public sealed record IncomingUpload(string Name, string ETag, DateTimeOffset LastModified, long Length, string? ContentType, string Url)
{
    /// <summary>Names one version of one upload, whether its ETag is quoted (as blob properties give it) or not (as listings and events do).</summary>
    public static string KeyOf(string blobName, string eTag) => eTag.Trim('"') + "/" + blobName;

    public string Key => KeyOf(Name, ETag);
}

/// <summary>The bytes of an upload as read; <see cref="Truncated"/> when the blob is larger than the cap asked for.</summary>
/// <param name="Metadata">The blob's metadata (what <see cref="UploadMetadata"/> reads), empty when none.</param>
public sealed record IncomingBlob(string Name, byte[] Content, long Length, bool Truncated, string ETag, IReadOnlyDictionary<string, string>? Metadata = null);
