using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Localization;
using DigestPipeline.Core.Subscribers;
using Fluid;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>
/// The two emails a sign-up sends: the confirmation link (new or pending address) and "already subscribed, manage
/// your preferences" (active address). Small, localized, a plain-text and an HTML part in the digest's look, from the
/// templates <c>Subscriptions/Templates/signup.{html,txt}.liquid</c> (every value encoded by the engine in the HTML).
/// </summary>
/// <remarks>
/// They carry <c>List-Unsubscribe</c> like a digest, by choice (an email without one has none): for an address
/// someone else typed in, it is the owner's way to say "never again" in one click.
/// </remarks>
public sealed class SubscriptionMail(SubscriberLinks links, IOptions<DigestOptions> digestOptions, TimeProvider time)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();
    private static readonly Lazy<(IFluidTemplate Html, IFluidTemplate Text, TemplateOptions Options)> Templates = new(LoadTemplates);

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
        var view = new SignUpMailView(labels.Language, subject, greeting, text, url, linkLabel, ignore);
        var (htmlTemplate, textTemplate, templateOptions) = Templates.Value;
        var context = new TemplateContext(templateOptions);
        context.SetValue("m", view);
        var html = htmlTemplate.Render(context, Encoder);
        var plain = textTemplate.Render(context, NullEncoder.Default);
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

    private static (IFluidTemplate, IFluidTemplate, TemplateOptions) LoadTemplates()
    {
        var options = new TemplateOptions { CultureInfo = CultureInfo.InvariantCulture, StrictVariables = true };
        options.MemberAccessStrategy.Register<SignUpMailView>();
        var parser = new FluidParser();
        return (Parse(parser, "signup.html.liquid"), Parse(parser, "signup.txt.liquid"), options);
    }

    private static IFluidTemplate Parse(FluidParser parser, string name)
    {
        var resource = $"DigestPipeline.Core.Subscriptions.Templates.{name}";
        using var stream = typeof(SubscriptionMail).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded template '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return parser.TryParse(reader.ReadToEnd(), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Template '{name}' does not parse: {error}");
    }
}

/// <summary>What the sign-up mail's templates see, as <c>m</c>: final words and the link, never markup.</summary>
internal sealed record SignUpMailView(string Lang, string Subject, string Greeting, string Text, string Url, string LinkLabel, string Ignore);
