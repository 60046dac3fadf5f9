using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Themes;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>
/// <c>/unsubscribe?token=</c>: with an <see cref="TokenPurpose.Unsubscribe"/> token the subscriber stops receiving
/// everything; with an <see cref="TokenPurpose.UnsubscribeTheme"/> token, only that theme (and everything once no
/// theme is left). Repeating it is a success that changes nothing.
/// </summary>
public sealed class UnsubscribeHandler(
    SubscriberTokens tokens, ISubscriberStore subscribers, ThemeTaxonomy taxonomy, ILogger<UnsubscribeHandler> logger)
{
    /// <summary>What the token would stop, for the confirmation page (GET). Changes nothing.</summary>
    public async Task<UnsubscribeResult> DescribeAsync(string? token, CancellationToken cancellationToken)
    {
        var verification = tokens.Verify(token, TokenPurpose.Unsubscribe, TokenPurpose.UnsubscribeTheme);
        if (!verification.IsValid)
            return UnsubscribeResult.Refused(TokenOutcome.Of(verification.Status));

        var subscriber = await subscribers.GetAsync(verification.Token.SubscriberId, cancellationToken);
        return subscriber is null ? UnsubscribeResult.Refused(PageOutcome.NotFound) : Describe(verification.Token, subscriber);
    }

    /// <summary>Unsubscribes at once (RFC 8058 one-click POST).</summary>
    public async Task<UnsubscribeResult> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        var verification = tokens.Verify(token, TokenPurpose.Unsubscribe, TokenPurpose.UnsubscribeTheme);
        if (!verification.IsValid)
            return UnsubscribeResult.Refused(TokenOutcome.Of(verification.Status));

        var claims = verification.Token;
        var changed = false;
        var stored = await subscribers.ChangeSettingsAsync(claims.SubscriberId, subscriber =>
        {
            var after = Unsubscribed(subscriber, claims);
            changed = after is not null;
            return after;
        }, cancellationToken);
        if (stored is null)
            return UnsubscribeResult.Refused(PageOutcome.NotFound);

        if (changed)
        {
            logger.LogInformation("Subscriber {SubscriberId} unsubscribed from {What}",
                claims.SubscriberId, claims.Purpose == TokenPurpose.UnsubscribeTheme ? claims.Subject : "everything");
        }

        return Describe(claims, stored);
    }

    /// <returns>The subscriber after unsubscribing; null when that is already the case.</returns>
    private static Subscriber? Unsubscribed(Subscriber subscriber, SubscriberToken claims)
    {
        if (claims.Purpose == TokenPurpose.Unsubscribe)
            return subscriber.State == SubscriberState.Unsubscribed ? null : subscriber with { State = SubscriberState.Unsubscribed };

        if (!subscriber.Themes.Contains(claims.Subject, StringComparer.Ordinal))
            return null;
        var themes = subscriber.Themes.Where(t => !string.Equals(t, claims.Subject, StringComparison.Ordinal)).ToArray();
        return subscriber with
        {
            Themes = themes,
            State = themes.Length == 0 ? SubscriberState.Unsubscribed : subscriber.State,
        };
    }

    private UnsubscribeResult Describe(SubscriberToken claims, Subscriber subscriber)
    {
        if (claims.Purpose != TokenPurpose.UnsubscribeTheme)
            return new UnsubscribeResult(PageOutcome.Ok, subscriber.Language);
        var label = taxonomy.Find(claims.Subject)?.Label(subscriber.Language) ?? claims.Subject;
        return new UnsubscribeResult(PageOutcome.Ok, subscriber.Language, claims.Subject, label);
    }
}
