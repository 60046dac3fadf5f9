namespace DigestPipeline.Core.Digests;

public sealed record ComposedDigest(string Subject, string Html, string Text);
