using System.Collections.Concurrent;
using System.Globalization;
using DigestPipeline.Core.Language;
using DigestPipeline.Core.Localization;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// The words a digest frames its content with, in one language, from <c>DigestStrings.resx</c> (English, the
/// neutral language) and <c>DigestStrings.{language}.resx</c>: any language without a file falls back to English.
/// Quoted sentences are not translated: they stay in their source's language.
/// </summary>
public sealed class DigestLabels
{
    /// <summary>The resource files (<c>Digests/DigestStrings*.resx</c>).</summary>
    public static TextCatalog Catalog { get; } = new(typeof(DigestLabels).Assembly, "DigestPipeline.Core.Digests.DigestStrings");

    private static readonly ConcurrentDictionary<CultureText, DigestLabels> ByText = new();

    private readonly CultureText _text;

    private DigestLabels(CultureText text) => _text = text;

    public static DigestLabels French => For("fr");

    public static DigestLabels English => For("en");

    public string Language => _text.Language;

    public CultureInfo Culture => _text.Culture;

    public string GreetingFormat => _text.Get(nameof(GreetingFormat));

    public string Intro => _text.Get(nameof(Intro));

    public string SubjectPrefix => _text.Get(nameof(SubjectPrefix));

    public string SubjectSeparator => _text.Get(nameof(SubjectSeparator));

    public string TitleFormat => _text.Get(nameof(TitleFormat));

    public string SourceLabel => _text.Get(nameof(SourceLabel));

    public string SectionLabel => _text.Get(nameof(SectionLabel));

    public string KeyPhrasesLabel => _text.Get(nameof(KeyPhrasesLabel));

    public string AlsoReportedInFormat => _text.Get(nameof(AlsoReportedInFormat));

    public string OpenQuote => _text.Get(nameof(OpenQuote));

    public string CloseQuote => _text.Get(nameof(CloseQuote));

    public string FooterWhyFormat => _text.Get(nameof(FooterWhyFormat));

    public string FooterScheduleFormat => _text.Get(nameof(FooterScheduleFormat));

    public string ScheduleDailyFormat => _text.Get(nameof(ScheduleDailyFormat));

    public string ScheduleWeekdaysFormat => _text.Get(nameof(ScheduleWeekdaysFormat));

    public string ScheduleWeeklyFormat => _text.Get(nameof(ScheduleWeeklyFormat));

    public string ScheduleOtherFormat => _text.Get(nameof(ScheduleOtherFormat));

    public string ListSeparator => _text.Get(nameof(ListSeparator));

    public string LastListSeparator => _text.Get(nameof(LastListSeparator));

    public string ViewInBrowser => _text.Get(nameof(ViewInBrowser));

    public string ManagePreferences => _text.Get(nameof(ManagePreferences));

    public string UnsubscribeAll => _text.Get(nameof(UnsubscribeAll));

    public string UnsubscribeThemeFormat => _text.Get(nameof(UnsubscribeThemeFormat));

    public string SourcePageLabel => _text.Get(nameof(SourcePageLabel));

    public string Colon => _text.Get(nameof(Colon));

    public string InLanguageFormat => _text.Get(nameof(InLanguageFormat));

    public string SeeAbove => _text.Get(nameof(SeeAbove));

    public string AlsoUnderFormat => _text.Get(nameof(AlsoUnderFormat));

    public string InBrief => _text.Get(nameof(InBrief));

    public string TranslatedFromFormat => _text.Get(nameof(TranslatedFromFormat));

    public string TranslatedFromVowelFormat => _text.Get(nameof(TranslatedFromVowelFormat));

    public string ReadOriginalFormat => _text.Get(nameof(ReadOriginalFormat));

    public string LeadLabel => _text.Get(nameof(LeadLabel));

    /// <summary>The labels for a language tag such as <c>fr</c>, <c>fr-CA</c> or <c>en-US</c>; English when no file has it.</summary>
    public static DigestLabels For(string? language) => ByText.GetOrAdd(Catalog.For(language), text => new DigestLabels(text));

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

    /// <summary>"1 new item", "6 nouveautés" (and "0 nouveauté": French takes the singular for 0).</summary>
    public string ItemCount(int count) => _text.Plural("ItemCount", count);

    /// <summary>"et 1 autre", "et 3 autres": themes a subject line has no room to name.</summary>
    public string AndMore(int count) => _text.Plural("AndMore", count);

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
