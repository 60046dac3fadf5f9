namespace DigestPipeline.Core.Digests;

/// <summary>
/// Renders a digest as HTML and plain text in the subscriber's language. Every piece of document text is
/// HTML-encoded by the template engine itself, never by hand.
/// </summary>
public sealed class DigestComposer
{
    public ComposedDigest Compose(DigestContent content) => throw new NotImplementedException();
}
