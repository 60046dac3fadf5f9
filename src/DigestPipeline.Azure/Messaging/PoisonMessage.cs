namespace DigestPipeline.Azure.Messaging;

/// <summary>What this app writes to <c>{queue}-poison</c> for a message that failed for good (the Functions host itself writes the bare message).</summary>
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
            Describe(error),
            dequeueCount,
            failedAt,
            Cut(message, MaxMessageChars),
            message.Length > MaxMessageChars ? true : null);

    /// <summary><c>{exception type}: {message}</c>, cut to 2,000 characters.</summary>
    public static string Describe(Exception error) => Cut($"{error.GetType().FullName}: {error.Message}", 2_000);

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
