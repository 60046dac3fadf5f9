namespace DigestPipeline.Core.Digests;

public sealed record EmailAddress(string Address, string DisplayName);
