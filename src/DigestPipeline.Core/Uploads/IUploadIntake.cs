namespace DigestPipeline.Core.Uploads;

/// <summary>Writes an upload into the <c>incoming</c> container as it is read, never holding it whole.</summary>
public interface IUploadIntake
{
    /// <summary>
    /// Streams <paramref name="content"/> into a new blob of <c>incoming</c>. The blob exists only once the whole
    /// content is written: when reading the content throws (<see cref="UploadTooLargeException"/>, a dropped client),
    /// no blob, not even a partial one, is left.
    /// </summary>
    /// <returns>The new blob's ETag.</returns>
    Task<string> PutAsync(string blobName, Stream content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);
}
