using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>The page outcome of a token check that failed.</summary>
public static class TokenOutcome
{
    public static PageOutcome Of(TokenStatus status) => status switch
    {
        TokenStatus.Valid => PageOutcome.Ok,
        TokenStatus.Malformed => PageOutcome.Malformed,
        TokenStatus.BadSignature or TokenStatus.WrongPurpose => PageOutcome.Forbidden,
        TokenStatus.Expired => PageOutcome.Expired,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown token status."),
    };
}
