using DigestPipeline.Core.Localization;
using DigestPipeline.Core.Subscriptions;

namespace DigestPipeline.Web.Pages;

/// <summary>The subscriber pages' templates (<c>Pages/Templates</c>) and words (<c>Pages/PageStrings*.resx</c>).</summary>
internal static class SubscriberPages
{
    public static TextCatalog Catalog { get; } = new(typeof(SubscriberPages).Assembly, "DigestPipeline.Web.Pages.PageStrings");

    public static PageTemplates Templates { get; } = new(typeof(SubscriberPages).Assembly, "DigestPipeline.Web.Pages.Templates", Catalog,
    [
        typeof(OptionView), typeof(ThemeChoiceView), typeof(SettingsView), typeof(SubscribeView), typeof(SampleView),
        typeof(PreferencesView), typeof(MessageView), typeof(ConfirmedView), typeof(UnsubscribeView), typeof(SourceView),
        typeof(SourcePartView), typeof(FieldProblem),
    ]);

    /// <summary>The words for a language tag or an Accept-Language value; English when no file has it.</summary>
    public static CultureText Text(string? language) => Catalog.For(language);
}
