using System.Globalization;
using DigestPipeline.Core.Language;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// The words a digest frames its content with, in one language. French and English are built in; any other
/// language falls back to English. Quoted sentences are not translated: they stay in their source's language.
/// </summary>
public sealed record DigestLabels(
    string Language,
    CultureInfo Culture,
    string GreetingFormat,
    string Intro,
    string SubjectPrefix,
    string SubjectSeparator,
    string TitleFormat,
    string SourceLabel,
    string SectionLabel,
    string KeyPhrasesLabel,
    string AlsoReportedInFormat,
    string OneItem,
    string ManyItemsFormat,
    string AndOneMore,
    string AndMoreFormat,
    string OpenQuote,
    string CloseQuote,
    string FooterWhyFormat,
    string FooterScheduleFormat,
    string ScheduleDailyFormat,
    string ScheduleWeekdaysFormat,
    string ScheduleWeeklyFormat,
    string ScheduleOtherFormat,
    string ListSeparator,
    string LastListSeparator,
    string ViewInBrowser,
    string ManagePreferences,
    string UnsubscribeAll,
    string UnsubscribeThemeFormat,
    string SourcePageLabel,
    string Colon,
    string InLanguageFormat,
    string SeeAbove,
    string AlsoUnderFormat,
    string InBrief,
    string TranslatedFromFormat,
    string TranslatedFromVowelFormat,
    string ReadOriginalFormat,
    string LeadLabel)
{
    public static DigestLabels French { get; } = new(
        Language: "fr",
        Culture: CultureInfo.GetCultureInfo("fr-FR"),
        GreetingFormat: "Bonjour {0},",
        Intro: "Voici les nouveautés sur vos thèmes.",
        SubjectPrefix: "Votre digest",
        SubjectSeparator: " : ",
        TitleFormat: "Votre digest du {0}",
        SourceLabel: "Source\u00A0:",
        SectionLabel: "Section\u00A0:",
        KeyPhrasesLabel: "Mots-clés\u00A0:",
        AlsoReportedInFormat: "également dans\u00A0: {0}",
        OneItem: "1 nouveauté",
        ManyItemsFormat: "{0} nouveautés",
        AndOneMore: "et 1 autre",
        AndMoreFormat: "et {0} autres",
        OpenQuote: "«\u00A0",
        CloseQuote: "\u00A0»",
        FooterWhyFormat: "Vous recevez ce digest parce que vous suivez ces thèmes\u00A0: {0}.",
        FooterScheduleFormat: "Envoi {0} (fuseau {1}).",
        ScheduleDailyFormat: "tous les jours à {0}",
        ScheduleWeekdaysFormat: "du lundi au vendredi à {0}",
        ScheduleWeeklyFormat: "chaque {0} à {1}",
        ScheduleOtherFormat: "selon le calendrier « {0} »",
        ListSeparator: ", ",
        LastListSeparator: " et ",
        ViewInBrowser: "Voir ce digest dans le navigateur",
        ManagePreferences: "Gérer mes préférences",
        UnsubscribeAll: "Me désabonner de tous les digests",
        UnsubscribeThemeFormat: "Ne plus recevoir le thème «\u00A0{0}\u00A0»",
        SourcePageLabel: "Passages cités dans la source",
        Colon: "\u00A0:",
        InLanguageFormat: "en {0}",
        SeeAbove: "voir plus haut",
        AlsoUnderFormat: "Aussi sous\u00A0: {0}",
        InBrief: "En bref",
        TranslatedFromFormat: "traduit du {0}",
        TranslatedFromVowelFormat: "traduit de l’{0}",
        ReadOriginalFormat: "Lire l’original ({0})",
        LeadLabel: "Résumé automatique");

    public static DigestLabels English { get; } = new(
        Language: "en",
        Culture: CultureInfo.GetCultureInfo("en-GB"),
        GreetingFormat: "Hello {0},",
        Intro: "Here is what is new on your themes.",
        SubjectPrefix: "Your digest",
        SubjectSeparator: ": ",
        TitleFormat: "Your digest for {0}",
        SourceLabel: "Source:",
        SectionLabel: "Section:",
        KeyPhrasesLabel: "Key phrases:",
        AlsoReportedInFormat: "also in: {0}",
        OneItem: "1 new item",
        ManyItemsFormat: "{0} new items",
        AndOneMore: "and 1 more",
        AndMoreFormat: "and {0} more",
        OpenQuote: "\u201C",
        CloseQuote: "\u201D",
        FooterWhyFormat: "You receive this digest because you follow these themes: {0}.",
        FooterScheduleFormat: "It is sent {0} ({1} time).",
        ScheduleDailyFormat: "every day at {0}",
        ScheduleWeekdaysFormat: "on weekdays at {0}",
        ScheduleWeeklyFormat: "every {0} at {1}",
        ScheduleOtherFormat: "on the schedule \"{0}\"",
        ListSeparator: ", ",
        LastListSeparator: " and ",
        ViewInBrowser: "View this digest in your browser",
        ManagePreferences: "Manage your preferences",
        UnsubscribeAll: "Unsubscribe from all digests",
        UnsubscribeThemeFormat: "Unsubscribe from \u201C{0}\u201D",
        SourcePageLabel: "Cited passages in the source",
        Colon: ":",
        InLanguageFormat: "in {0}",
        SeeAbove: "see above",
        AlsoUnderFormat: "Also under: {0}",
        InBrief: "In brief",
        TranslatedFromFormat: "translated from {0}",
        TranslatedFromVowelFormat: "translated from {0}",
        ReadOriginalFormat: "Read the original ({0})",
        LeadLabel: "Machine-written summary");

    /// <summary>The labels for a language tag such as <c>fr</c>, <c>fr-CA</c> or <c>en-US</c>; English when unknown.</summary>
    public static DigestLabels For(string? language)
    {
        var primary = (language ?? "").Trim();
        var dash = primary.IndexOfAny(['-', '_']);
        if (dash >= 0)
        {
            primary = primary[..dash];
        }

        return primary.Equals("fr", StringComparison.OrdinalIgnoreCase) ? French : English;
    }

    /// <summary>"also in: A and B": the other documents that reported a kept sentence's fact; empty when none did.</summary>
    public string AlsoReportedIn(IReadOnlyList<string> titles) =>
        titles.Count == 0 ? "" : string.Format(Culture, AlsoReportedInFormat, JoinList(titles));

    /// <summary>"Also under: Energy, Security": the digest's other themes that show the same document; empty when none.</summary>
    public string AlsoUnder(IReadOnlyList<string> themes) =>
        themes.Count == 0 ? "" : string.Format(Culture, AlsoUnderFormat, JoinList(themes));

    /// <summary>"en anglais" / "in French": the label of an item in a language other than the digest's.</summary>
    public string InLanguage(string language) => string.Format(Culture, InLanguageFormat, LanguageNames.Of(language, Language));

    /// <summary>"traduit de l’anglais", "traduit du néerlandais" / "translated from French": an item shown in translation.</summary>
    public string TranslatedFrom(string language)
    {
        var name = LanguageNames.Of(language, Language);
        var vowel = name.Length > 0 && "aeiouyéèêàâîôû".Contains(char.ToLowerInvariant(name[0]), StringComparison.Ordinal);
        return string.Format(Culture, vowel ? TranslatedFromVowelFormat : TranslatedFromFormat, name);
    }

    /// <summary>"Lire l’original (en anglais)" / "Read the original (in French)": the link of a translated item to its source.</summary>
    public string ReadOriginal(string language) => string.Format(Culture, ReadOriginalFormat, InLanguage(language));

    /// <summary>"Ne plus recevoir le thème « Santé »" / "Unsubscribe from “Health”".</summary>
    public string UnsubscribeTheme(string themeLabel) => string.Format(Culture, UnsubscribeThemeFormat, themeLabel);

    /// <summary>
    /// A cited sentence between this language's quotation marks, unless it already opens or closes a quotation of
    /// its own (« … », “ … ”): wrapping that again would show « « … » ».
    /// </summary>
    /// <param name="suffix">Appended inside the marks, such as " …" for a sentence cut to its main clause.</param>
    public string Quote(string sentence, string suffix = "") =>
        DigestText.IsOwnQuotation(sentence) ? sentence + suffix : OpenQuote + sentence + suffix + CloseQuote;

    public string Greeting(string displayName) => string.Format(Culture, GreetingFormat, displayName);

    public string ItemCount(int count) =>
        count == 1 ? OneItem : string.Format(Culture, ManyItemsFormat, count.ToString("N0", Culture));

    /// <summary>"et 1 autre", "et 3 autres": themes a subject line has no room to name.</summary>
    public string AndMore(int count) =>
        count == 1 ? AndOneMore : string.Format(Culture, AndMoreFormat, count.ToString("N0", Culture));

    /// <summary>"a, b et c" / "a, b and c".</summary>
    public string JoinList(IReadOnlyList<string> values) => values.Count switch
    {
        0 => "",
        1 => values[0],
        _ => string.Join(ListSeparator, values.Take(values.Count - 1)) + LastListSeparator + values[^1],
    };

    /// <summary>
    /// A schedule in words for the common shapes of a 5-field cron (daily, weekdays, one weekday at a fixed
    /// time); any other expression is shown as it is.
    /// </summary>
    public string DescribeSchedule(string cron)
    {
        var fields = (cron ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 5
            && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var minute) && minute is >= 0 and < 60
            && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and < 24
            && fields[2] == "*" && fields[3] == "*")
        {
            var time = new TimeOnly(hour, minute).ToString("HH:mm", CultureInfo.InvariantCulture);
            switch (fields[4])
            {
                case "*":
                    return string.Format(Culture, ScheduleDailyFormat, time);
                case "1-5" or "MON-FRI" or "mon-fri":
                    return string.Format(Culture, ScheduleWeekdaysFormat, time);
                default:
                    if (int.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 0 and <= 7)
                    {
                        var dayName = Culture.DateTimeFormat.GetDayName((DayOfWeek)(day % 7));
                        return string.Format(Culture, ScheduleWeeklyFormat, dayName, time);
                    }

                    break;
            }
        }

        return string.Format(Culture, ScheduleOtherFormat, cron);
    }
}
