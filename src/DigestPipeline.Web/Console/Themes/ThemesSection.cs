using System.Globalization;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Localization;
using DigestPipeline.Core.Language;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Themes;
using DigestPipeline.Web.Console.Documents;
using Microsoft.AspNetCore.Http;

namespace DigestPipeline.Web.Console.Themes;

/// <summary>
/// <c>GET themes</c>: the taxonomy as <c>themes.json</c> declares it (labels, descriptions, keywords and required terms
/// per language), each theme with the documents indexed on it per day over the last <see cref="Days"/> days (UTC days,
/// today included, from <see cref="IThemeIndex"/>), then the documents that matched no theme and so reach no
/// subscriber, newest first (from the documents list's snapshot, <see cref="DocumentListSnapshot"/>), each with the likely cause.
/// </summary>
internal sealed class ThemesSection(ThemeTaxonomy taxonomy, IThemeIndex index, DocumentListSnapshot documents, TimeProvider time) : IConsoleSection
{
    public const int Days = 30;

    /// <summary>The no-theme documents listed (the newest); the page says how many there are in all.</summary>
    public const int MaxNoThemeListed = 50;

    public void Map(ConsoleRoutes routes) => routes.Get("themes", ShowAsync);

    private async Task<IResult> ShowAsync(ConsoleRequest request)
    {
        var now = time.GetUtcNow();
        var firstDay = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-(Days - 1));
        // The index's window is (after, upTo]: one tick before the first day's midnight takes that midnight in.
        var after = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(-1);
        var themes = await Task.WhenAll(taxonomy.Themes.Select(async theme =>
        {
            var counts = new int[Days];
            await foreach (var entry in index.QueryAsync(theme.Id, after, now, request.Aborted))
            {
                var day = DateOnly.FromDateTime(entry.IndexedAt.UtcDateTime).DayNumber - firstDay.DayNumber;
                if (day is >= 0 and < Days)
                    counts[day]++;
            }

            return View(theme, ThemeChart.Draw(theme.Label("en"), firstDay, counts, request.Text));
        }));

        var keywordLanguages = taxonomy.Themes.SelectMany(t => t.Keywords.Where(k => k.Value.Count > 0).Select(k => k.Key))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // The documents list's snapshot of the Documents table (newest first, a few seconds old at most): no scan of our own.
        var noTheme = (await documents.GetAsync(request.Aborted)).Select(d => d.Record)
            .Where(r => r is { Status: DocumentStatus.Summarized, NoTheme: true }).ToList();
        var listed = noTheme.Take(MaxNoThemeListed).Select(r => NoThemeView(r, keywordLanguages, request.Text)).ToList();
        var view = new ThemesView(themes, Days, ThemeChart.Day(firstDay), ThemeChart.Day(firstDay.AddDays(Days - 1)),
            string.Join(", ", keywordLanguages), listed, noTheme.Count, request.Text.Plural("NoThemeIntro", noTheme.Count));
        return await request.PageAsync("themes", view, request.Text.Get("ThemesTitle"), "themes");
    }

    private static ThemeView View(ThemeDefinition theme, ThemeChartView chart)
    {
        var languages = theme.Labels.Keys.Concat(theme.Descriptions.Keys).Concat(theme.Keywords.Keys).Concat(theme.Requires.Keys)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(language => new ThemeLanguageView(
                language,
                theme.Labels.GetValueOrDefault(language, ""),
                theme.Descriptions.GetValueOrDefault(language, ""),
                theme.Keywords.GetValueOrDefault(language, []),
                theme.Requires.GetValueOrDefault(language, [])))
            .ToList();
        return new ThemeView(theme.Id, theme.Label("en"), theme.Description("en"), languages, theme.Keywords.Values.Sum(k => k.Count), chart);
    }

    private static NoThemeDocumentView NoThemeView(DocumentRecord record, IReadOnlyList<string> keywordLanguages, CultureText text)
    {
        var language = LanguageTag.Primary(record.Language);
        var cause = language.Length == 0 || language == LanguageDetector.Unknown ? text.Get("NoThemeUnknownLanguage")
            : keywordLanguages.Contains(language) ? text.Format("NoThemeNoMatchFormat", language)
            : text.Format("NoThemeNoKeywordsFormat", language);
        return new NoThemeDocumentView(
            record.Id,
            "/console/documents/" + Uri.EscapeDataString(record.Id),
            string.IsNullOrWhiteSpace(record.Title) ? record.SourceName : record.Title,
            record.SourceName,
            string.IsNullOrEmpty(record.Language) ? LanguageDetector.Unknown : record.Language,
            record.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            cause,
            string.Join(", ", record.Themes ?? []));
    }
}
