namespace DigestPipeline.Azure.LocalHost;

/// <summary>What the local host writes to <c>{queue}-poison</c> for a message that failed for good.</summary>
/// <param name="Error">The last failure, as <c>{exception type}: {message}</c>.</param>
/// <param name="Message">The original message text, decoded (or as received, when it could not be decoded).</param>
/// <param name="MessageTruncated">True when <paramref name="Message"/> was cut to fit a queue message.</param>
public sealed record PoisonMessage(
    int SchemaVersion,
    string Queue,
    string Error,
    long DequeueCount,
    DateTimeOffset FailedAt,
    string Message,
    bool? MessageTruncated = null)
{
    public const int CurrentVersion = 1;

    /// <summary>Leaves room for the envelope and base64 within a queue message's 64 KiB.</summary>
    public const int MaxMessageChars = 30_000;

    public static PoisonMessage For(string queue, Exception error, long dequeueCount, DateTimeOffset failedAt, string message) =>
        new(
            CurrentVersion,
            queue,
            Cut($"{error.GetType().FullName}: {error.Message}", 2_000),
            dequeueCount,
            failedAt,
            Cut(message, MaxMessageChars),
            message.Length > MaxMessageChars ? true : null);

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
