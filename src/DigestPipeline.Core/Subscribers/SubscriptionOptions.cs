namespace DigestPipeline.Core.Subscribers;

/// <summary>Settings of the subscriber-facing links: the signing secret, the public address, token lifetimes.</summary>
public sealed class SubscriptionOptions
{
    public const string Section = "Subscriptions";

    /// <summary>The smallest secret accepted, in UTF-8 bytes: as long as the HMAC-SHA256 output.</summary>
    public const int MinSecretBytes = 32;

    /// <summary>
    /// The HMAC secret of every token (its UTF-8 bytes, at least <see cref="MinSecretBytes"/>). From the environment
    /// or a secret store, never from a file in the repository; never logged. Changing it invalidates every link
    /// already sent.
    /// </summary>
    public string? TokenSecret { get; set; }

    /// <summary>Where the subscriber pages are served; links in emails are built on it. Production uses https.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>How long a confirmation (double opt-in) link works.</summary>
    public TimeSpan ConfirmTokenLifetime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How long the preferences link of an email works.</summary>
    public TimeSpan PreferencesTokenLifetime { get; set; } = TimeSpan.FromDays(60);

    /// <summary>How long the unsubscribe links of an email work (List-Unsubscribe, "unsubscribe from this theme").</summary>
    public TimeSpan UnsubscribeTokenLifetime { get; set; } = TimeSpan.FromDays(60);

    /// <summary>How long "view in browser" and the source-page links of a digest work.</summary>
    public TimeSpan ViewTokenLifetime { get; set; } = TimeSpan.FromDays(60);

    /// <summary>Confirmation (or "already subscribed") emails one address may receive per hour.</summary>
    public int ConfirmationsPerAddressPerHour { get; set; } = 3;

    /// <summary>Confirmation emails one client (IP address) may cause per hour; beyond it the answer is 429.</summary>
    public int ConfirmationsPerClientPerHour { get; set; } = 10;

    public TimeSpan LifetimeOf(TokenPurpose purpose) => purpose switch
    {
        TokenPurpose.Confirm => ConfirmTokenLifetime,
        TokenPurpose.Preferences => PreferencesTokenLifetime,
        TokenPurpose.Unsubscribe or TokenPurpose.UnsubscribeTheme => UnsubscribeTokenLifetime,
        TokenPurpose.ViewDigest or TokenPurpose.ViewDocument => ViewTokenLifetime,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown token purpose."),
    };
}
