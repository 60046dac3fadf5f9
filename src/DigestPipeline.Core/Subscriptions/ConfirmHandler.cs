using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>
/// <c>/confirm?token=</c>: the double opt-in link turns a <see cref="SubscriberState.Pending"/> subscriber into an
/// <see cref="SubscriberState.Active"/> one. Following it again is a success that changes nothing. The answer says
/// when the first digest is due (the schedule's next occurrence after now) and carries a preferences link.
/// </summary>
public sealed class ConfirmHandler(
    SubscriberTokens tokens, ISubscriberStore subscribers, SubscriberLinks links, TimeProvider time, ILogger<ConfirmHandler> logger)
{
    public async Task<ConfirmResult> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        var verification = tokens.Verify(token, TokenPurpose.Confirm);
        if (!verification.IsValid)
            return ConfirmResult.Refused(TokenOutcome.Of(verification.Status));

        var subscriberId = verification.Token.SubscriberId;
        var confirmed = false;
        var stored = await subscribers.ChangeSettingsAsync(subscriberId, subscriber =>
        {
            confirmed = subscriber.State == SubscriberState.Pending;
            return confirmed ? subscriber with { State = SubscriberState.Active } : null;
        }, cancellationToken);
        if (stored is null)
            return ConfirmResult.Refused(PageOutcome.NotFound);

        if (confirmed)
            logger.LogInformation("Subscriber {SubscriberId} confirmed their subscription", subscriberId);
        var now = time.GetUtcNow();
        var active = stored.State == SubscriberState.Active;
        return new ConfirmResult(PageOutcome.Ok, stored.Language, active)
        {
            // The planner sends at the schedule's next occurrence (its timer turns every few minutes).
            FirstDigestAt = active ? FirstDigest(stored, now) : null,
            TimeZone = stored.TimeZone,
            PreferencesUrl = links.Preferences(stored.Id, now),
        };
    }

    /// <summary>The schedule's next occurrence; null for a stored schedule that no longer parses (the page then just says nothing of it).</summary>
    private static DateTimeOffset? FirstDigest(Subscriber subscriber, DateTimeOffset now)
    {
        try
        {
            return DigestSchedule.For(subscriber).Next(now);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
