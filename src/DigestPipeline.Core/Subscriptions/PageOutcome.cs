using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>
/// How a subscriber page request ended, before any HTTP: the web layer maps each to its status code
/// (200, 400, 403, 410, 404).
/// </summary>
public enum PageOutcome
{
    Ok,

    /// <summary>The token is not a token (<see cref="TokenStatus.Malformed"/>): 400.</summary>
    Malformed,

    /// <summary>Forged, altered, for another purpose, or for another delivery or document: 403.</summary>
    Forbidden,

    /// <summary>An authentic token past its expiry: 410.</summary>
    Expired,

    /// <summary>An authentic token for a subscriber, digest or document that does not exist (any more): 404.</summary>
    NotFound,
}
