using System.Globalization;
using System.Text;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Web;

/// <summary>The preferences page: the subscribe form's settings fields, pre-filled; no script, every value encoded.</summary>
internal static class PreferencesPageHtml
{
    /// <param name="form">The stored settings, or what was posted when it has problems.</param>
    /// <param name="saved">True after a valid post: the page says so above the form.</param>
    public static string Form(
        string language, ThemeTaxonomy taxonomy, PreferencesResult result, PreferencesForm form, bool saved, string token)
    {
        var labels = PreferencesPageLabels.For(language);
        var fieldLabels = SubscribePageLabels.For(language);
        var current = result.Current!;
        var body = new StringBuilder();
        if (current.DisplayName.Length > 0)
            Paragraph(body, string.Format(CultureInfo.InvariantCulture, labels.GreetingFormat, current.DisplayName));
        if (saved)
            body.Append("<p role=\"status\"><strong>").Append(Encode(labels.SavedText)).Append("</strong></p>\n");
        if (current.State == SubscriberState.Unsubscribed)
            Paragraph(body, labels.UnsubscribedNote);
        SubscribePageHtml.Problems(body, fieldLabels, result.Problems);

        body.Append("<form method=\"post\" action=\"/preferences?").Append(SubscriberLinks.TokenParameter).Append('=')
            .Append(Encode(Uri.EscapeDataString(token))).Append("\">\n");
        SubscribePageHtml.SettingsFields(body, fieldLabels, taxonomy, form);
        body.Append("<p><button type=\"submit\">").Append(Encode(labels.SaveButton)).Append("</button></p>\n")
            .Append("<p><button type=\"submit\" formnovalidate name=\"action\" value=\"").Append(PreferencesForm.UnsubscribeAllAction).Append("\">")
            .Append(Encode(labels.UnsubscribeAllButton)).Append("</button></p>\n</form>\n");
        return SubscriberPageHtml.Page(labels.Language, labels.Title, body.ToString());
    }

    private static void Paragraph(StringBuilder body, string text) => body.Append("<p>").Append(Encode(text)).Append("</p>\n");

    private static string Encode(string value) => SubscriberPageHtml.Encoder.Encode(value);
}
