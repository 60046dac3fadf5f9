namespace DigestPipeline.Core.Subscriptions;

/// <summary>What a confirmation link did, or why it was refused.</summary>
/// <param name="Language">The subscriber's language; null when refused before reading the subscriber.</param>
/// <param name="IsActive">
/// True when the subscription is active (just confirmed, or already); false when the subscriber has unsubscribed
/// since (or bounced): an old confirmation link does not bring them back, only a new sign-up does.
/// </param>
public sealed record ConfirmResult(PageOutcome Outcome, string? Language = null, bool IsActive = false)
{
    /// <summary>When the first digest is due (UTC): the schedule's next occurrence; null when not active (or the schedule never falls due).</summary>
    public DateTimeOffset? FirstDigestAt { get; init; }

    /// <summary>The subscriber's IANA time zone, in which <see cref="FirstDigestAt"/> is shown.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The subscriber's preferences page (a signed link, as in every digest).</summary>
    public string? PreferencesUrl { get; init; }

    public static ConfirmResult Refused(PageOutcome outcome) => new(outcome);
}
