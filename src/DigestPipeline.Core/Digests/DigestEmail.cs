using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// A composed digest ready to send: both bodies, a Message-ID that is the same for every retry, and the one-click
/// unsubscribe URL the message's <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c> headers are made from.
/// </summary>
/// <param name="MessageId">Without angle brackets, e.g. <c>3f2a…@digestpipeline</c>.</param>
/// <param name="Headers">Any further headers; the mail builder writes From, To, Subject, List-Unsubscribe and the like itself.</param>
/// <param name="UnsubscribeUrl">Absolute http(s) URL; a POST to it unsubscribes at once (RFC 8058).</param>
public sealed record DigestEmail(
    EmailAddress From,
    EmailAddress To,
    string Subject,
    string HtmlBody,
    string TextBody,
    string MessageId,
    DateTimeOffset Date,
    IReadOnlyDictionary<string, string> Headers,
    string UnsubscribeUrl)
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    /// <summary>
    /// The email of <paramref name="composed"/> for <paramref name="subscriber"/>. The display name is put on one
    /// line here: it comes from a sign-up form, and a line break in it must never reach a header.
    /// </summary>
    public static DigestEmail For(ComposedDigest composed, Subscriber subscriber, Delivery delivery, DigestOptions options) => new(
        new EmailAddress(options.FromAddress, options.FromName),
        new EmailAddress(subscriber.Email, DigestText.SingleLine(subscriber.DisplayName)),
        composed.Subject,
        composed.Html,
        composed.Text,
        delivery.MessageId,
        delivery.ClaimedAt,
        NoHeaders,
        composed.UnsubscribeUrl);
}
