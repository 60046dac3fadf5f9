namespace DigestPipeline.Core.Uploads;

/// <summary>An upload's body ran past the size cap while it was being read.</summary>
public sealed class UploadTooLargeException(long maxBytes)
    : Exception(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The upload is larger than the {maxBytes:N0}-byte limit for a document (Documents:MaxBytes)."))
{
    public long MaxBytes { get; } = maxBytes;
}
