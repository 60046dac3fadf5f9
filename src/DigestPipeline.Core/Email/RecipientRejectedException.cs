namespace DigestPipeline.Core.Email;

/// <summary>
/// The mail server refused the recipient with a permanent (5xx) reply, such as "550 5.1.1 no such user": sending
/// again would get the same answer, so the delivery counts as a bounce instead of being retried.
/// </summary>
/// <param name="statusCode">The server's reply code (5xx).</param>
/// <param name="serverReply">The server's reply text; it may name the address, so it is not logged below Warning.</param>
public sealed class RecipientRejectedException(int statusCode, string serverReply, Exception? innerException = null)
    : Exception($"The mail server rejected the recipient permanently: {statusCode} {serverReply}", innerException)
{
    public int StatusCode { get; } = statusCode;

    public string ServerReply { get; } = serverReply;
}
