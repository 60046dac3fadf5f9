namespace DigestPipeline.Core.Subscriptions;

/// <summary>What a confirmation link did, or why it was refused.</summary>
/// <param name="Language">The subscriber's language; null when refused before reading the subscriber.</param>
/// <param name="IsActive">
/// True when the subscription is active (just confirmed, or already); false when the subscriber has unsubscribed
/// since (or bounced): an old confirmation link does not bring them back, only a new sign-up does.
/// </param>
public sealed record ConfirmResult(PageOutcome Outcome, string? Language = null, bool IsActive = false)
{
    public static ConfirmResult Refused(PageOutcome outcome) => new(outcome);
}
