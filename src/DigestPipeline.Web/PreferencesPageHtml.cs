using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Core.Themes;
using DigestPipeline.Web.Pages;

namespace DigestPipeline.Web;

/// <summary>
/// The preferences page (<c>Pages/Templates/preferences.liquid</c>): the subscribe form's settings fields, pre-filled,
/// "Save"; apart from them, "Unsubscribe from everything" in a form of its own. No script.
/// </summary>
internal static class PreferencesPageHtml
{
    /// <param name="form">The stored settings, or what was posted when it has problems.</param>
    /// <param name="saved">True after a valid post: the page says so above the form.</param>
    public static string Form(
        string language, ThemeTaxonomy taxonomy, PreferencesResult result, PreferencesForm form, bool saved, string token)
    {
        var text = SubscriberPages.Text(language);
        var current = result.Current!;
        var view = new PreferencesView(
            current.DisplayName.Length > 0 ? text.Format("PreferencesGreetingFormat", current.DisplayName) : "",
            saved,
            current.State == SubscriberState.Unsubscribed,
            result.Problems,
            "/preferences?" + SubscriberLinks.TokenParameter + "=" + Uri.EscapeDataString(token),
            SubscribePageHtml.Settings(text, taxonomy, form),
            PreferencesForm.UnsubscribeAllAction);
        return SubscriberPages.Templates.Render("preferences", view, text, text.Get("PreferencesTitle"));
    }
}
