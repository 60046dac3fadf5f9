using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>
/// <c>/confirm?token=</c>: the double opt-in link turns a <see cref="SubscriberState.Pending"/> subscriber into an
/// <see cref="SubscriberState.Active"/> one. Following it again is a success that changes nothing.
/// </summary>
public sealed class ConfirmHandler(SubscriberTokens tokens, ISubscriberStore subscribers, ILogger<ConfirmHandler> logger)
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
        return new ConfirmResult(PageOutcome.Ok, stored.Language, stored.State == SubscriberState.Active);
    }
}
