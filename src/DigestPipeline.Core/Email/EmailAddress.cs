namespace DigestPipeline.Core.Email;

public sealed record EmailAddress(string Address, string DisplayName);
