using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Themes;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>
/// <c>/preferences?token=</c>: shows (GET) and changes (POST) a subscriber's themes, language, the other languages
/// they read, schedule and time zone. Posting the same settings again is a success that changes nothing; invalid
/// settings change nothing.
/// </summary>
public sealed class PreferencesHandler(
    SubscriberTokens tokens, ISubscriberStore subscribers, ThemeTaxonomy taxonomy, ILogger<PreferencesHandler> logger)
{
    /// <summary>The subscriber's current settings. Changes nothing.</summary>
    public async Task<PreferencesResult> GetAsync(string? token, CancellationToken cancellationToken)
    {
        var verification = tokens.Verify(token, TokenPurpose.Preferences);
        if (!verification.IsValid)
            return PreferencesResult.Refused(TokenOutcome.Of(verification.Status));

        var subscriber = await subscribers.GetAsync(verification.Token.SubscriberId, cancellationToken);
        return subscriber is null
            ? PreferencesResult.Refused(PageOutcome.NotFound)
            : new PreferencesResult(PageOutcome.Ok, subscriber.Language, SubscriberPreferences.Of(subscriber));
    }

    /// <summary>Applies <paramref name="request"/> when it is valid; otherwise returns its problems and writes nothing.</summary>
    public async Task<PreferencesResult> SaveAsync(string? token, PreferencesRequest request, CancellationToken cancellationToken)
    {
        var verification = tokens.Verify(token, TokenPurpose.Preferences);
        if (!verification.IsValid)
            return PreferencesResult.Refused(TokenOutcome.Of(verification.Status));

        var subscriberId = verification.Token.SubscriberId;
        var before = await subscribers.GetAsync(subscriberId, cancellationToken);
        if (before is null)
            return PreferencesResult.Refused(PageOutcome.NotFound);

        if (!request.UnsubscribeAll)
        {
            var problems = Validate(request, before.Language);
            if (problems.Count > 0)
                return new PreferencesResult(PageOutcome.Ok, before.Language, SubscriberPreferences.Of(before)) { Problems = problems };
        }

        var changed = false;
        var stored = await subscribers.ChangeSettingsAsync(subscriberId, subscriber =>
        {
            var after = Changed(subscriber, request);
            changed = after is not null;
            return after;
        }, cancellationToken);
        if (stored is null)
            return PreferencesResult.Refused(PageOutcome.NotFound);

        if (changed)
            logger.LogInformation("Subscriber {SubscriberId} changed their preferences (now {State})", subscriberId, stored.State);
        return new PreferencesResult(PageOutcome.Ok, stored.Language, SubscriberPreferences.Of(stored), changed);
    }

    /// <returns>The subscriber with the request applied; null when that changes nothing.</returns>
    private static Subscriber? Changed(Subscriber subscriber, PreferencesRequest request)
    {
        if (request.UnsubscribeAll)
            return subscriber.State == SubscriberState.Unsubscribed ? null : subscriber with { State = SubscriberState.Unsubscribed };

        var themes = request.Themes.Distinct(StringComparer.Ordinal).ToArray();
        var (cron, zone) = request.Schedule!.ToStored();
        var state = subscriber.State;
        if (themes.Length == 0)
            state = SubscriberState.Unsubscribed;
        else if (state == SubscriberState.Unsubscribed)
        {
            // Only the subscriber's own address receives a Preferences token, so choosing themes here is as good as
            // the double opt-in: no new confirmation is needed. Pending and bouncing addresses keep their state
            // (the confirmation link, or a new sign-up, decides for them).
            state = SubscriberState.Active;
        }

        var after = subscriber with
        {
            Themes = themes, Language = request.Language!, AlsoReads = ReadingLanguages.Others(request.Language!, request.ReadingLanguages),
            Schedule = cron, TimeZone = zone, State = state,
        };
        var same = after.State == subscriber.State && after.Language == subscriber.Language && after.Schedule == subscriber.Schedule
                   && after.TimeZone == subscriber.TimeZone && after.Themes.SequenceEqual(subscriber.Themes, StringComparer.Ordinal)
                   && after.AlsoReads.SequenceEqual(subscriber.AlsoReads, StringComparer.Ordinal);
        return same ? null : after;
    }

    private List<FieldProblem> Validate(PreferencesRequest request, string language) =>
        [.. SettingsProblems.Of(request.Themes, request.Language, request.ReadingLanguages, request.Schedule, taxonomy, language)];
}
