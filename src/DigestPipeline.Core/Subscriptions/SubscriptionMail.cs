using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Localization;
using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>
/// The two emails a sign-up sends: the confirmation link (new or pending address) and "already subscribed, manage
/// your preferences" (active address). Small, localized, a plain-text and an HTML part, every value encoded.
/// </summary>
/// <remarks>
/// They carry <c>List-Unsubscribe</c> like a digest, by choice (an email without one has none): for an address
/// someone else typed in, it is the owner's way to say "never again" in one click.
/// </remarks>
public sealed class SubscriptionMail(SubscriberLinks links, IOptions<DigestOptions> digestOptions, TimeProvider time)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    /// <summary>The resource files (<c>Subscriptions/SubscriptionMailStrings*.resx</c>).</summary>
    public static TextCatalog Catalog { get; } = new(typeof(SubscriptionMail).Assembly, "DigestPipeline.Core.Subscriptions.SubscriptionMailStrings");

    public EmailMessage Confirmation(Subscriber subscriber)
    {
        var now = time.GetUtcNow();
        return Email(subscriber, "ConfirmSubject", "ConfirmText", "ConfirmButton", links.Confirm(subscriber.Id, now), "ConfirmIgnore", now);
    }

    public EmailMessage AlreadySubscribed(Subscriber subscriber)
    {
        var now = time.GetUtcNow();
        return Email(subscriber, "AlreadySubscribedSubject", "AlreadySubscribedText", "PreferencesButton",
            links.Preferences(subscriber.Id, now), "AlreadySubscribedIgnore", now);
    }

    /// <param name="subjectKey">The names of the words in the resource files: subject, text, link label, "ignore this" line.</param>
    private EmailMessage Email(Subscriber subscriber, string subjectKey, string textKey, string linkLabelKey, string url, string ignoreKey, DateTimeOffset now)
    {
        var labels = Catalog.For(subscriber.Language);
        var (subject, text, linkLabel, ignore) = (labels.Get(subjectKey), labels.Get(textKey), labels.Get(linkLabelKey), labels.Get(ignoreKey));
        // The name comes from a sign-up form: one line for the To header, encoded in the HTML.
        var name = DigestText.SingleLine(subscriber.DisplayName);
        var greeting = name.Length == 0 ? labels.Get("AnonymousGreeting") : labels.Format("GreetingFormat", name);
        var plain = new StringBuilder()
            .Append(greeting).Append("\n\n")
            .Append(text).Append('\n').Append(url).Append("\n\n")
            .Append(ignore).Append('\n')
            .ToString();
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(Encoder.Encode(labels.Language)).Append("\">\n<head><meta charset=\"utf-8\">")
            .Append("<title>").Append(Encoder.Encode(subject)).Append("</title></head>\n")
            .Append("<body style=\"font-family:system-ui,sans-serif;line-height:1.5\">\n")
            .Append("<p>").Append(Encoder.Encode(greeting)).Append("</p>\n")
            .Append("<p>").Append(Encoder.Encode(text)).Append("</p>\n")
            .Append("<p><a href=\"").Append(Encoder.Encode(url)).Append("\">").Append(Encoder.Encode(linkLabel)).Append("</a></p>\n")
            .Append("<p>").Append(Encoder.Encode(ignore)).Append("</p>\n")
            .Append("</body>\n</html>\n")
            .ToString();
        var options = digestOptions.Value;
        return new EmailMessage(
            new EmailAddress(options.FromAddress, options.FromName),
            new EmailAddress(subscriber.Email, name),
            subject,
            html,
            plain,
            Guid.NewGuid().ToString("N") + "@digestpipeline",
            now,
            NoHeaders,
            links.Unsubscribe(subscriber.Id, now));
    }
}
