using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Queues;

namespace DigestPipeline.Azure.Storage;

/// <summary>A message of a poison queue, read whichever host wrote it.</summary>
/// <param name="Queue">The work queue the message failed in.</param>
/// <param name="DequeueCount">Attempts made before it was poisoned, when the host recorded them.</param>
/// <param name="Error">The last error, when the host recorded it (the local host does; Functions logs it instead).</param>
/// <param name="Body">The original message text.</param>
/// <param name="BodyTruncated">Only the start of the original was kept: it cannot be replayed.</param>
public sealed record PoisonedMessage(
    string Queue,
    string Id,
    DateTimeOffset? InsertedOn,
    long? DequeueCount,
    string? Error,
    DateTimeOffset? FailedAt,
    string Body,
    bool BodyTruncated,
    PoisonShape Shape,
    string Preview);

public enum PoisonShape
{
    /// <summary>The message with its error and attempts: a <see cref="PoisonMessage"/>, or a <see cref="RetryMessage"/> the Functions host poisoned.</summary>
    Envelope,

    /// <summary>The original message as it was (what the Functions host writes).</summary>
    Bare,
}
