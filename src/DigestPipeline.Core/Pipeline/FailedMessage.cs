namespace DigestPipeline.Core.Pipeline;

/// <summary>A message that failed for good, read whichever host set it aside.</summary>
/// <param name="Queue">The work the message failed in.</param>
/// <param name="DequeueCount">Attempts made before it was set aside, when the host recorded them.</param>
/// <param name="Error">The last error, when the host recorded it (the local host does; Functions logs it instead).</param>
/// <param name="Body">The original message text.</param>
/// <param name="BodyTruncated">Only the start of the original was kept: it cannot be replayed.</param>
public sealed record FailedMessage(
    string Queue,
    string Id,
    DateTimeOffset? InsertedOn,
    long? DequeueCount,
    string? Error,
    DateTimeOffset? FailedAt,
    string Body,
    bool BodyTruncated,
    FailedMessageShape Shape,
    string Preview);

public enum FailedMessageShape
{
    /// <summary>The message with its error and attempts, as this app writes it (or a retry the Functions host set aside, holding the original).</summary>
    Envelope,

    /// <summary>The original message as it was (what the Functions host writes): its error is in the host's logs only.</summary>
    Bare,
}
