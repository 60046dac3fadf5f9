using System.Globalization;
using DigestPipeline.Core.Language;
using DigestPipeline.Core.Localization;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Core.Themes;
using DigestPipeline.Web.Pages;

namespace DigestPipeline.Web;

/// <summary>The landing and subscribe page, its answers and the confirmation page (<c>Pages/Templates</c>): no script but the time zone's.</summary>
internal static class SubscribePageHtml
{
    private static readonly (string Value, DayOfWeek Day)[] Days =
        Enum.GetValues<DayOfWeek>().Skip(1).Append(DayOfWeek.Sunday).Select(d => (d.ToString().ToLowerInvariant(), d)).ToArray();

    /// <summary>
    /// The page's only script, fixed text allowed by its hash (<see cref="SecurityHeaders.SubscribeFormPolicy"/>): a
    /// blank form's time zone becomes the browser's own, which no request header carries. Without script the
    /// field keeps <see cref="SubscribeForm.DefaultTimeZone"/>.
    /// </summary>
    internal const string BrowserTimeZoneScript =
        "(function(){var f=document.querySelector('input[name=timeZone]');" +
        "var z=Intl.DateTimeFormat().resolvedOptions().timeZone;if(f&&z)f.value=z;})();";

    /// <summary>
    /// <c>/</c> and <c>/subscribe</c>: what the service is, a sample digest, and the blank form whose themes each say
    /// what they cover. Only their title differs.
    /// </summary>
    /// <param name="path">The page's own path, for the link to it in the other language.</param>
    public static string Landing(CultureText text, ThemeTaxonomy taxonomy, string title, string path) =>
        Page(text, taxonomy, new SubscribeForm { Language = text.Language }, [], title, path, landing: true);

    /// <summary>The form again with what was typed and its problems above it.</summary>
    public static string Form(CultureText text, ThemeTaxonomy taxonomy, SubscribeForm form, IReadOnlyList<FieldProblem> problems) =>
        Page(text, taxonomy, form, problems, text.Get("SubscribeTitle"), "/subscribe", landing: false);

    private static string Page(CultureText text, ThemeTaxonomy taxonomy, SubscribeForm form, IReadOnlyList<FieldProblem> problems,
        string title, string path, bool landing)
    {
        var view = new SubscribeView(landing, form.Email ?? "", form.Name ?? "", Settings(text, taxonomy, form), problems,
            LandingSample.For(text, taxonomy));
        return SubscriberPages.Templates.Render("subscribe", view, text, title,
            otherLanguageUrl: path + "?lang=" + text.Get("OtherLanguage"),
            script: form.TimeZone is null ? BrowserTimeZoneScript : "");
    }

    /// <summary>The fields the subscribe and preferences forms share: themes, languages, schedule and time zone.</summary>
    internal static SettingsView Settings(CultureText text, ThemeTaxonomy taxonomy, SubscribeForm form)
    {
        var language = form.Language ?? text.Language;
        var frequency = form.Frequency ?? "daily";
        var day = form.Day ?? "monday";
        var chosen = form.ReadingLanguages ?? [];
        return new SettingsView(
            taxonomy.Themes.Select(theme => new ThemeChoiceView(theme.Id, theme.Label(text.Language), theme.Description(text.Language),
                (form.Themes ?? []).Contains(theme.Id, StringComparer.Ordinal))).ToList(),
            // Every digest language, by its name in the page's language (Core's language names).
            Options(language, DigestLanguages.Supported.Select(code => (code, Capitalized(LanguageNames.Of(code, text.Language), text.Culture))).ToArray()),
            // The digest language is ticked: it is read whatever is posted, and a box cannot follow the language chosen
            // above it without script.
            ReadingLanguages.Offered.Select(code => new OptionView(code, Capitalized(LanguageNames.Of(code, text.Language), text.Culture),
                string.Equals(code, LanguageTag.Primary(language), StringComparison.Ordinal)
                || chosen.Any(c => string.Equals(LanguageTag.Primary(c), code, StringComparison.Ordinal)))).ToList(),
            Options(frequency, [("daily", text.Get("Daily")), ("weekly", text.Get("Weekly")), ("cron", text.Get("Cron"))]),
            Options(day, Days.Select(d => (d.Value, text.Culture.DateTimeFormat.GetDayName(d.Day))).ToArray()),
            form.Time ?? "07:00",
            form.Cron ?? "",
            form.TimeZone ?? SubscribeForm.DefaultTimeZone);
    }

    public static string CheckInbox(CultureText text) => Message(text, "CheckInboxTitle", "CheckInboxText");

    public static string TooMany(CultureText text) => Message(text, "TooManyTitle", "TooManyText");

    /// <summary>Confirmed: when the first digest comes, in the subscriber's zone, and the preferences link; or why nothing comes.</summary>
    public static string Confirmed(CultureText text, ConfirmResult result)
    {
        if (!result.IsActive)
            return Message(text, "NotActiveTitle", "NotActiveText");
        return SubscriberPages.Templates.Render("confirmed", new ConfirmedView(FirstDigest(text, result), result.PreferencesUrl ?? ""),
            text, text.Get("ConfirmedTitle"));
    }

    /// <summary>"Monday 8 December 2026 at 07:00 (Europe/Paris time)", in the subscriber's zone; empty when unknown.</summary>
    private static string FirstDigest(CultureText text, ConfirmResult result)
    {
        if (result.FirstDigestAt is not { } at || !TimeZoneInfo.TryFindSystemTimeZoneById(result.TimeZone ?? "", out var zone))
            return "";
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return text.Format("FirstDigestFormat", local.ToString("D", text.Culture), local.ToString("HH:mm", CultureInfo.InvariantCulture), zone.Id);
    }

    internal static string Message(CultureText text, string titleKey, params string[] paragraphs) =>
        SubscriberPages.Templates.Render("message", new MessageView(paragraphs.Select(text.Get).ToList()), text, text.Get(titleKey));

    private static List<OptionView> Options(string selected, IReadOnlyList<(string Value, string Text)> options) =>
        options.Select(o => new OptionView(o.Value, o.Text, string.Equals(o.Value, selected, StringComparison.OrdinalIgnoreCase))).ToList();

    private static string Capitalized(string name, CultureInfo culture) =>
        name.Length == 0 ? name : culture.TextInfo.ToUpper(name[0]) + name[1..];
}
