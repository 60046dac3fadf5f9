using System.Net.Mail;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Themes;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>
/// <c>POST /subscribe</c>: double opt-in. A new (or unsubscribed) address is stored
/// <see cref="SubscriberState.Pending"/> and gets a confirmation link; a pending one gets it again; an active one
/// gets "already subscribed, manage your preferences" and keeps its settings. The answer is the same in every case.
/// </summary>
public sealed class SubscribeHandler(
    ISubscriberStore subscribers,
    ThemeTaxonomy taxonomy,
    SubscriptionMail mail,
    IMailSender sender,
    ConfirmationRateLimiter limiter,
    TimeProvider time,
    ILogger<SubscribeHandler> logger)
{
    /// <summary>Longest display name kept; a name is only used in greetings and the To header.</summary>
    public const int MaxNameLength = 100;

    /// <summary>RFC 5321's limit on a forward path, less the angle brackets.</summary>
    public const int MaxEmailLength = 254;

    public async Task<SubscribeResult> SubscribeAsync(SubscribeRequest request, CancellationToken cancellationToken)
    {
        var language = DigestLanguages.IsSupported(request.Language) ? request.Language! : DigestLanguages.Default;
        var problems = Validate(request, language);
        if (problems.Count > 0)
            return new SubscribeResult(SubscribeOutcome.Invalid, language, problems);

        if (!await limiter.TryClientAsync(request.ClientKey, cancellationToken))
        {
            logger.LogWarning("Sign-up refused: client over its hourly confirmation limit");
            return new SubscribeResult(SubscribeOutcome.TooManyRequests, language, []);
        }

        var email = request.Email!.Trim();
        var id = Subscriber.IdFor(email);
        if (!await limiter.TryAddressAsync(id, cancellationToken))
        {
            // Same answer as a success: a different one would tell that someone asked for this address before.
            logger.LogInformation("Sign-up of {SubscriberId}: no email, over the address's hourly limit", id);
            return SubscribeResult.Accepted(language);
        }

        var (cron, zone) = request.Schedule!.ToStored();
        var signUp = new Subscriber(id, email, DigestText.SingleLine(request.Name), request.Themes.Distinct(StringComparer.Ordinal).ToArray(),
            language, cron, zone, SubscriberState.Pending, time.GetUtcNow())
        {
            AlsoReads = ReadingLanguages.Others(language, request.ReadingLanguages),
        };
        var stored = signUp;
        if (await subscribers.GetAsync(id, cancellationToken) is null)
        {
            await subscribers.UpsertAsync(signUp, cancellationToken);
        }
        else
        {
            // A conditional write: a confirmation landing between the read and the write is never undone, and an
            // active subscriber keeps their settings.
            stored = await subscribers.ChangeSettingsAsync(
                id, current => current.State == SubscriberState.Active ? null : signUp, cancellationToken) ?? signUp;
        }

        var alreadyActive = stored.State == SubscriberState.Active;
        var message = alreadyActive ? mail.AlreadySubscribed(stored) : mail.Confirmation(stored);

        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (RecipientRejectedException)
        {
            // The answer does not change: it must not become a way to probe the mail server about addresses.
            logger.LogWarning("Sign-up of {SubscriberId}: the mail server refused the address", id);
            return SubscribeResult.Accepted(language);
        }

        logger.LogInformation("Sign-up of {SubscriberId}: {Mail} sent", id,
            alreadyActive ? "already-subscribed mail" : "confirmation");
        return SubscribeResult.Accepted(language);
    }

    private List<FieldProblem> Validate(SubscribeRequest request, string language)
    {
        var text = ScheduleProblem.Catalog.For(language);
        var problems = new List<FieldProblem>();

        var email = request.Email?.Trim() ?? "";
        if (email.Length == 0)
            problems.Add(new("email", text.Get("EmailMissing")));
        else if (!IsPlainAddress(email))
            problems.Add(new("email", text.Get("EmailInvalid")));

        if (request.Name is { } name && name.Length > MaxNameLength)
            problems.Add(new("name", text.Format("NameTooLongFormat", MaxNameLength)));

        if (request.Themes.Count == 0)
            problems.Add(new("themes", text.Get("ThemesMissing")));

        problems.AddRange(SettingsProblems.Of(request.Themes, request.Language, request.ReadingLanguages, request.Schedule, taxonomy, language));
        return problems;
    }

    /// <summary>One bare address (no display name, no line break), as the mail builder will accept it.</summary>
    private static bool IsPlainAddress(string email) =>
        email.Length <= MaxEmailLength
        && !email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '<' or '>' or ',' or ';' or '"')
        && MailAddress.TryCreate(email, out var parsed)
        && string.Equals(parsed.Address, email, StringComparison.Ordinal)
        && parsed.Host.Contains('.', StringComparison.Ordinal);
}
