namespace DigestPipeline.Core.Email;

/// <summary>
/// An email ready to send (a digest, a sign-up confirmation): both bodies, a Message-ID that is the same for every
/// retry, and, for mail from a list, the one-click unsubscribe URL the message's <c>List-Unsubscribe</c> and
/// <c>List-Unsubscribe-Post</c> headers are made from.
/// </summary>
/// <param name="MessageId">Without angle brackets, e.g. <c>3f2a…@digestpipeline</c>.</param>
/// <param name="Headers">Any further headers; the mail builder writes From, To, Subject, List-Unsubscribe and the like itself.</param>
/// <param name="UnsubscribeUrl">Absolute http(s) URL; a POST to it unsubscribes at once (RFC 8058). Null: no such headers.</param>
public sealed record EmailMessage(
    EmailAddress From,
    EmailAddress To,
    string Subject,
    string HtmlBody,
    string TextBody,
    string MessageId,
    DateTimeOffset Date,
    IReadOnlyDictionary<string, string> Headers,
    string? UnsubscribeUrl = null);
