namespace DigestPipeline.Core.Uploads;

public enum UploadOutcome
{
    Accepted,

    /// <summary>No usable file name (none given, or one no blob may have).</summary>
    BadName,

    /// <summary>An empty body.</summary>
    Empty,

    /// <summary>Past <c>Documents:MaxBytes</c>, declared or while streamed.</summary>
    TooLarge,

    /// <summary>A format the document reader refuses (judged on the first bytes, by the reader's own checks).</summary>
    UnsupportedType,
}

/// <param name="Receipt">Set when accepted.</param>
/// <param name="Problem">Why not, in words for the client; null when accepted.</param>
public sealed record UploadResult(UploadOutcome Outcome, UploadReceipt? Receipt = null, string? Problem = null);
