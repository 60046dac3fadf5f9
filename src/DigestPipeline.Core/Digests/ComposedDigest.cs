namespace DigestPipeline.Core.Digests;

/// <param name="UnsubscribeUrl">The one-click unsubscribe URL of this digest, for its List-Unsubscribe header.</param>
public sealed record ComposedDigest(string Subject, string Html, string Text, string UnsubscribeUrl);
