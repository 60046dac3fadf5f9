using DigestPipeline.Core.Localization;
using DigestPipeline.Web.Console.Operations;
using DigestPipeline.Web.Console.Subscribers;
using DigestPipeline.Web.Pages;
using Microsoft.AspNetCore.Http;

namespace DigestPipeline.Web.Console;

/// <summary>
/// The console's templates (<c>Console/Templates</c>, on the public pages' stylesheet plus <c>console.css</c>) and words
/// (<c>Console/ConsoleStrings.resx</c>). The console is in English; a language is added as a file, as for the pages.
/// </summary>
internal static class ConsolePages
{
    public static TextCatalog Catalog { get; } = new(typeof(ConsolePages).Assembly, "DigestPipeline.Web.Console.ConsoleStrings");

    public static PageTemplates Templates { get; } = new(typeof(ConsolePages).Assembly, "DigestPipeline.Web.Console.Templates", Catalog,
    [
        typeof(ConsoleMessageView),
        // Documents
        typeof(Documents.DocumentListView), typeof(Documents.OptionView), typeof(Documents.DocumentRowView),
        typeof(Documents.DocumentPageView), typeof(Documents.SectionView), typeof(Documents.ThemeView), typeof(SourcePartView),
        // Subscribers and Operations (console-subs-ops)
        typeof(SubscribersView), typeof(StateCountView), typeof(StateOptionView), typeof(SubscriberRowView),
        typeof(SubscriberView), typeof(ThemeView), typeof(DeliveryRowView), typeof(PreviewView),
        typeof(OperationsView), typeof(DepthView), typeof(PoisonListingView), typeof(PoisonMessageView), typeof(HealthView), typeof(LoopView),
        typeof(FeedView), typeof(FeedItemProblemView), typeof(MailboxView), typeof(NewsletterProblemView), typeof(StuckDocumentView),
        // Upload
        typeof(Upload.UploadFormView),
        typeof(Upload.UploadOutcomeView),
        typeof(Upload.UploadStateView),
        // Themes
        typeof(Themes.ThemesView),
        typeof(Themes.ThemeView),
        typeof(Themes.ThemeLanguageView),
        typeof(Themes.ThemeChartView),
        typeof(Themes.ThemeBarView),
        typeof(Themes.NoThemeDocumentView),
    ], "console.css");

    /// <summary>The words for a request: its browser's first language when the console has a file for it, else English.</summary>
    public static CultureText TextFor(HttpContext http) => Catalog.For(SubscriberPageEndpoints.AcceptedLanguage(http));
}

/// <summary>A page that only says something: a title (the layout's) and paragraphs.</summary>
internal sealed record ConsoleMessageView(IReadOnlyList<string> Paragraphs);
