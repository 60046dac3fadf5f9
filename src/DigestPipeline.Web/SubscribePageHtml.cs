using System.Globalization;
using System.Text;
using DigestPipeline.Core.Language;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Web;

/// <summary>The subscribe form, its answers and the confirmation page: every value encoded, no script but the time zone's.</summary>
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

    /// <param name="problems">Shown above the form, which keeps what was typed; empty for a blank form.</param>
    public static string Form(SubscribePageLabels labels, ThemeTaxonomy taxonomy, SubscribeForm form, IReadOnlyList<FieldProblem> problems)
    {
        var body = new StringBuilder();
        Problems(body, labels, problems);
        body.Append("<form method=\"post\" action=\"/subscribe\">\n");
        TextField(body, "email", "email", labels.EmailLabel, form.Email, required: true);
        TextField(body, "text", "name", labels.NameLabel, form.Name, required: false);
        SettingsFields(body, labels, taxonomy, form);
        body.Append("<p><button type=\"submit\">").Append(Encode(labels.SubmitButton)).Append("</button></p>\n</form>\n");
        if (form.TimeZone is null)
            body.Append("<script>").Append(BrowserTimeZoneScript).Append("</script>\n");
        return SubscriberPageHtml.Page(labels.Language, labels.SubscribeTitle, body.ToString());
    }

    /// <summary>The problems of a post, one item per problem with its field; nothing when there are none.</summary>
    internal static void Problems(StringBuilder body, SubscribePageLabels labels, IReadOnlyList<FieldProblem> problems)
    {
        if (problems.Count == 0)
            return;
        body.Append("<p><strong>").Append(Encode(labels.ProblemsTitle)).Append("</strong></p>\n<ul>\n");
        foreach (var problem in problems)
            body.Append("<li data-field=\"").Append(Encode(problem.Field)).Append("\">").Append(Encode(problem.Message)).Append("</li>\n");
        body.Append("</ul>\n");
    }

    /// <summary>The fields the subscribe and preferences forms share: themes, languages, schedule and time zone.</summary>
    internal static void SettingsFields(StringBuilder body, SubscribePageLabels labels, ThemeTaxonomy taxonomy, SubscribeForm form)
    {
        var language = form.Language ?? labels.Language;
        var frequency = form.Frequency ?? "daily";
        body.Append("<fieldset><legend>").Append(Encode(labels.ThemesLabel)).Append("</legend>\n");
        foreach (var theme in taxonomy.Themes)
        {
            body.Append("<label><input type=\"checkbox\" name=\"themes\" value=\"").Append(Encode(theme.Id)).Append('"')
                .Append((form.Themes ?? []).Contains(theme.Id, StringComparer.Ordinal) ? " checked" : "").Append("> ")
                .Append(Encode(theme.Label(labels.Language))).Append("</label><br>\n");
        }

        body.Append("</fieldset>\n");
        Select(body, "language", labels.LanguageLabel, language, [("fr", labels.French), ("en", labels.English)]);
        ReadingLanguageFields(body, labels, language, form.ReadingLanguages ?? []);
        Select(body, "frequency", labels.FrequencyLabel, frequency, [("daily", labels.Daily), ("weekly", labels.Weekly), ("cron", labels.Cron)]);
        var culture = CultureInfo.GetCultureInfo(labels.Language == "fr" ? "fr-FR" : "en-GB");
        Select(body, "day", labels.DayLabel, form.Day ?? "monday",
            Days.Select(d => (d.Value, culture.DateTimeFormat.GetDayName(d.Day))).ToArray());
        TextField(body, "text", "time", labels.TimeLabel, form.Time ?? "07:00", required: false);
        TextField(body, "text", "cron", labels.CronLabel, form.Cron, required: false);
        TextField(body, "text", "timeZone", labels.TimeZoneLabel, form.TimeZone ?? SubscribeForm.DefaultTimeZone, required: true);
        body.Append("<p><small>").Append(Encode(labels.TimeZoneNote)).Append("</small></p>\n");
    }

    /// <summary>
    /// A box per language the detector knows, named in the page's language. The digest language is ticked: it is read
    /// whatever is posted, and a box cannot follow the language chosen above it without script.
    /// </summary>
    private static void ReadingLanguageFields(StringBuilder body, SubscribePageLabels labels, string digestLanguage, IReadOnlyList<string> chosen)
    {
        var culture = CultureInfo.GetCultureInfo(labels.Language == "fr" ? "fr-FR" : "en-GB");
        body.Append("<fieldset><legend>").Append(Encode(labels.ReadingLanguagesLabel)).Append("</legend>\n");
        foreach (var code in ReadingLanguages.Offered)
        {
            var name = LanguageNames.Of(code, labels.Language);
            var read = string.Equals(code, LanguageTag.Primary(digestLanguage), StringComparison.Ordinal)
                       || chosen.Any(c => string.Equals(LanguageTag.Primary(c), code, StringComparison.Ordinal));
            body.Append("<label><input type=\"checkbox\" name=\"readingLanguages\" value=\"").Append(Encode(code)).Append('"')
                .Append(read ? " checked" : "").Append("> ")
                .Append(Encode(culture.TextInfo.ToUpper(name[0]) + name[1..])).Append("</label><br>\n");
        }

        body.Append("<small>").Append(Encode(labels.ReadingLanguagesNote)).Append("</small>\n</fieldset>\n");
    }

    public static string CheckInbox(SubscribePageLabels labels) => Message(labels, labels.CheckInboxTitle, labels.CheckInboxText);

    public static string TooMany(SubscribePageLabels labels) => Message(labels, labels.TooManyTitle, labels.TooManyText);

    public static string Confirmed(SubscribePageLabels labels, ConfirmResult result) => result.IsActive
        ? Message(labels, labels.ConfirmedTitle, labels.ConfirmedText)
        : Message(labels, labels.NotActiveTitle, labels.NotActiveText);

    private static string Message(SubscribePageLabels labels, string title, string text) =>
        SubscriberPageHtml.Page(labels.Language, title, "<p>" + Encode(text) + "</p>\n");

    private static void TextField(StringBuilder body, string type, string name, string label, string? value, bool required) =>
        body.Append("<p><label>").Append(Encode(label)).Append("<br><input type=\"").Append(type).Append("\" name=\"").Append(name)
            .Append("\" value=\"").Append(Encode(value ?? "")).Append('"').Append(required ? " required" : "").Append("></label></p>\n");

    private static void Select(StringBuilder body, string name, string label, string selected, IReadOnlyList<(string Value, string Text)> options)
    {
        body.Append("<p><label>").Append(Encode(label)).Append("<br><select name=\"").Append(name).Append("\">");
        foreach (var (value, text) in options)
        {
            body.Append("<option value=\"").Append(Encode(value)).Append('"')
                .Append(string.Equals(value, selected, StringComparison.OrdinalIgnoreCase) ? " selected" : "")
                .Append('>').Append(Encode(text)).Append("</option>");
        }

        body.Append("</select></label></p>\n");
    }

    private static string Encode(string value) => SubscriberPageHtml.Encoder.Encode(value);
}
