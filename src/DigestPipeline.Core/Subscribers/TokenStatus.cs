namespace DigestPipeline.Core.Subscribers;

/// <summary>The outcome of checking a subscriber token.</summary>
public enum TokenStatus
{
    Valid,

    /// <summary>Not a token at all: empty, too long, not base64url, truncated, or of an unknown version.</summary>
    Malformed,

    /// <summary>Shaped like a token but not signed with this deployment's secret: forged or altered.</summary>
    BadSignature,

    /// <summary>Authentic, but issued for another purpose than the one asked for.</summary>
    WrongPurpose,

    /// <summary>Authentic and for this purpose, but past its expiry.</summary>
    Expired,
}
