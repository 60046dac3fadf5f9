using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Core.Subscriptions;

/// <summary><c>/digests/{deliveryId}?token=</c>: "view in browser", the archived HTML of a sent digest.</summary>
public sealed class ViewDigestHandler(SubscriberTokens tokens, IDigestArchive archive)
{
    /// <param name="deliveryId">The decoded path id: it must be the token's subject.</param>
    public async Task<ArchivedDigestResult> GetAsync(string deliveryId, string? token, CancellationToken cancellationToken)
    {
        var verification = tokens.Verify(token, TokenPurpose.ViewDigest);
        if (!verification.IsValid)
            return new ArchivedDigestResult(TokenOutcome.Of(verification.Status));
        if (!string.Equals(verification.Token.Subject, deliveryId, StringComparison.Ordinal))
            return new ArchivedDigestResult(PageOutcome.Forbidden);

        var html = await archive.GetAsync(deliveryId, cancellationToken);
        return html is null ? new ArchivedDigestResult(PageOutcome.NotFound) : new ArchivedDigestResult(PageOutcome.Ok, html);
    }
}
