using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Core.Subscriptions;

/// <summary><c>/documents/{documentId}?token=&amp;hl=</c>: a digest item's source, its cited sentences highlighted.</summary>
public sealed class SourcePageHandler(SubscriberTokens tokens, IDocumentStore documents)
{
    /// <param name="documentId">The decoded path id: it must be the token's subject.</param>
    /// <param name="highlights">The unsigned <c>hl</c> parameter; ranges outside the text are dropped.</param>
    public async Task<SourcePageResult> GetAsync(string documentId, string? token, string? highlights, CancellationToken cancellationToken)
    {
        var verification = tokens.Verify(token, TokenPurpose.ViewDocument);
        if (!verification.IsValid)
            return new SourcePageResult(TokenOutcome.Of(verification.Status));
        if (!string.Equals(verification.Token.Subject, documentId, StringComparison.Ordinal))
            return new SourcePageResult(PageOutcome.Forbidden);

        var document = await documents.GetAsync(documentId, cancellationToken);
        if (document is null)
            return new SourcePageResult(PageOutcome.NotFound);

        var ranges = SubscriberLinks.ParseHighlights(highlights, document.Text.Length);
        return new SourcePageResult(PageOutcome.Ok, new SourcePage(document.Id, document.Title, document.Language, document.Text, ranges));
    }
}
