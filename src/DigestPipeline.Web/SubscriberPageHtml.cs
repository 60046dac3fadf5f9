using DigestPipeline.Core.Localization;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Web.Pages;

namespace DigestPipeline.Web;

/// <summary>The unsubscribe, refusal and source pages (<c>Pages/Templates</c>): no script, every piece of text encoded by the engine.</summary>
internal static class SubscriberPageHtml
{
    public static string UnsubscribeConfirmation(CultureText text, UnsubscribeResult result, string token)
    {
        var question = result.StopsEverything
            ? text.Get("UnsubscribeAllQuestion")
            : text.Format("UnsubscribeThemeQuestionFormat", result.ThemeLabel);
        var view = new UnsubscribeView(question, "/unsubscribe?" + SubscriberLinks.TokenParameter + "=" + Uri.EscapeDataString(token));
        return SubscriberPages.Templates.Render("unsubscribe", view, text, text.Get("UnsubscribeTitle"));
    }

    public static string Unsubscribed(CultureText text, UnsubscribeResult result)
    {
        var what = result.StopsEverything
            ? text.Get("UnsubscribedAll")
            : text.Format("UnsubscribedThemeFormat", result.ThemeLabel);
        return SubscriberPages.Templates.Render("message", new MessageView([what]), text, text.Get("UnsubscribedTitle"));
    }

    public static string Refusal(CultureText text, PageOutcome outcome)
    {
        var name = outcome switch
        {
            PageOutcome.Malformed => "Malformed",
            PageOutcome.Forbidden => "Forbidden",
            PageOutcome.Expired => "Expired",
            PageOutcome.NotFound => "NotFound",
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a refusal."),
        };
        return SubscribePageHtml.Message(text, name + "Title", name + "Text");
    }

    /// <summary>The document's normalised text, line breaks kept, each highlighted range in a &lt;mark&gt;.</summary>
    public static string SourceDocument(CultureText text, SourcePage page) =>
        SubscriberPages.Templates.Render("source", new SourceView(page.Language, MarkedParts(page.Text, page.Highlights)), text, page.Title);

    /// <summary>The text cut into parts, each range (inside the text) a marked part; the console's document page shows it too.</summary>
    internal static List<SourcePartView> MarkedParts(string text, IReadOnlyList<CitedRange> ranges)
    {
        var parts = new List<SourcePartView>();
        var at = 0;
        foreach (var range in Merged(ranges))
        {
            parts.Add(new SourcePartView(text[at..range.Start], Marked: false));
            parts.Add(new SourcePartView(text[range.Start..range.End], Marked: true));
            at = range.End;
        }

        parts.Add(new SourcePartView(text[at..], Marked: false));
        return parts;
    }

    /// <summary>Sorted and without overlaps, so that marks never nest or cross.</summary>
    private static List<CitedRange> Merged(IReadOnlyList<CitedRange> ranges)
    {
        var merged = new List<CitedRange>();
        foreach (var range in ranges.OrderBy(r => r.Start))
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, range.End) };
            else
                merged.Add(range);
        }

        return merged;
    }
}
