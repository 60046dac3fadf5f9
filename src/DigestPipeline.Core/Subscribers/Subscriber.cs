namespace DigestPipeline.Core.Subscribers;

/// <summary>A digest recipient: who, which themes, in which language, on which schedule in which time zone.</summary>
/// <param name="Schedule">A cron expression (5 fields) evaluated in <paramref name="TimeZone"/>.</param>
/// <param name="TimeZone">An IANA time zone id, such as <c>Europe/Paris</c>.</param>
public sealed record Subscriber(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Themes,
    string Language,
    string Schedule,
    string TimeZone,
    SubscriberState State,
    DateTimeOffset CreatedAt)
{
    /// <summary>The id of an address: the same address (case aside) is always the same subscriber.</summary>
    public static string IdFor(string email)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 12));
    }
}

public enum SubscriberState
{
    Active,
    Unsubscribed,

    /// <summary>The mail server rejected the address permanently <see cref="Digests.DigestOptions.BounceLimit"/> times in a row: no more digests.</summary>
    Bouncing,

    /// <summary>Signed up, not yet confirmed (double opt-in): no digest until the confirmation link is followed.</summary>
    Pending,
}
