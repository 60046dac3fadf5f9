using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Azure.Messaging;

/// <summary>
/// A message sent again by <see cref="QueueEndpoint"/> after a transient failure: the original message text, exactly
/// as received, with the count of attempts and when the first one failed. The marker property comes first so that
/// a retry is recognised without parsing the whole message.
/// </summary>
public sealed record RetryMessage(int DigestRetry, int Attempt, DateTimeOffset FirstFailedAt, string LastError, string Message)
{
    public const int CurrentVersion = 1;

    private const string Marker = "{\"digestRetry\":";

    public static bool IsRetry(string messageText) => messageText.StartsWith(Marker, StringComparison.Ordinal);

    public static string Wrap(string original, int attempt, DateTimeOffset firstFailedAt, Exception error) =>
        PipelineJson.Serialize(new RetryMessage(CurrentVersion, attempt, firstFailedAt, PoisonMessage.Describe(error), original));
}
