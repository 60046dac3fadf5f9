using System.Diagnostics.CodeAnalysis;

namespace DigestPipeline.Core.Subscribers;

/// <summary>The result of <see cref="SubscriberTokens.Verify(string?, TokenPurpose)"/>: a status, and the token's claims when valid.</summary>
/// <param name="Token">Only set when <see cref="Status"/> is <see cref="TokenStatus.Valid"/>: nothing else may be acted on.</param>
public sealed record TokenVerification(TokenStatus Status, SubscriberToken? Token)
{
    [MemberNotNullWhen(true, nameof(Token))]
    public bool IsValid => Status == TokenStatus.Valid && Token is not null;

    internal static TokenVerification Failed(TokenStatus status) => new(status, null);
}
