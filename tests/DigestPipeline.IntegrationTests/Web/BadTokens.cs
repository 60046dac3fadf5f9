using System.Net;
using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace DigestPipeline.IntegrationTests.Web;

/// <summary>
/// The tokens every subscriber page must refuse, with the status each gets: empty, malformed, signed with another
/// secret, altered, issued for another purpose, expired, and for an unknown subscriber.
/// </summary>
internal static class BadTokens
{
    /// <param name="purpose">The purpose the page accepts.</param>
    /// <param name="otherPurpose">A purpose it must refuse.</param>
    /// <param name="expiredAt">An expiry already past for <paramref name="purpose"/>.</param>
    public static (string Token, HttpStatusCode Expected)[] For(
        SubscriberTokens tokens, TokenPurpose purpose, TokenPurpose otherPurpose, string subscriberId, DateTimeOffset expiredAt)
    {
        var valid = tokens.Issue(purpose, subscriberId);
        var forger = new SubscriberTokens(
            Options.Create(new SubscriptionOptions { TokenSecret = "another-deployment-secret-of-enough-length" }), TimeProvider.System);
        // The second-to-last character lies wholly in the MAC: the token keeps its shape, the signature breaks.
        var altered = valid[..^2] + (valid[^2] == 'A' ? 'B' : 'A') + valid[^1..];
        return
        [
            ("", HttpStatusCode.BadRequest),
            ("not-a-token", HttpStatusCode.BadRequest),
            (forger.Issue(purpose, subscriberId), HttpStatusCode.Forbidden),
            (altered, HttpStatusCode.Forbidden),
            (tokens.Issue(otherPurpose, subscriberId), HttpStatusCode.Forbidden),
            (tokens.Issue(purpose, subscriberId, "", expiredAt), HttpStatusCode.Gone),
            (tokens.Issue(purpose, "nobody-at-all"), HttpStatusCode.NotFound),
        ];
    }
}
