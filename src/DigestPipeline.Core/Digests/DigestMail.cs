using DigestPipeline.Core.Email;
using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Core.Digests;

/// <summary>The email of a composed digest.</summary>
public static class DigestMail
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    /// <summary>
    /// The email of <paramref name="composed"/> for <paramref name="subscriber"/>. The display name is put on one
    /// line here: it comes from a sign-up form, and a line break in it must never reach a header.
    /// </summary>
    public static EmailMessage For(ComposedDigest composed, Subscriber subscriber, Delivery delivery, DigestOptions options) => new(
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
