namespace DigestPipeline.Core.Subscriptions;

/// <summary>How a sign-up ended, before any HTTP.</summary>
public enum SubscribeOutcome
{
    /// <summary>
    /// "Check your inbox": the same answer for a new, a pending and an active address, and when the address's
    /// hourly limit held the email back, so that the answer never tells whether an address is subscribed.
    /// </summary>
    Accepted,

    /// <summary>Some fields are not valid: nothing stored, nothing sent (400).</summary>
    Invalid,

    /// <summary>This client asked for too many confirmation emails this hour: nothing stored, nothing sent (429).</summary>
    TooManyRequests,
}
