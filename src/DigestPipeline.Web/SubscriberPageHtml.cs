using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Subscriptions;

namespace DigestPipeline.Web;

/// <summary>The subscriber pages' HTML: small, no script, every piece of text encoded.</summary>
internal static class SubscriberPageHtml
{
    // Letters of every script stay readable in the source; markup characters (< > & " ') are always encoded.
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string UnsubscribeConfirmation(PageLabels labels, UnsubscribeResult result, string token)
    {
        var what = result.StopsEverything
            ? labels.UnsubscribeAllQuestion
            : string.Format(CultureInfo.InvariantCulture, labels.UnsubscribeThemeQuestionFormat, result.ThemeLabel);
        var body = new StringBuilder()
            .Append("<p>").Append(Encoder.Encode(what)).Append("</p>\n")
            .Append("<form method=\"post\" action=\"/unsubscribe?").Append(SubscriberLinks.TokenParameter).Append('=')
            .Append(Encoder.Encode(Uri.EscapeDataString(token))).Append("\">")
            .Append("<button type=\"submit\">").Append(Encoder.Encode(labels.UnsubscribeButton)).Append("</button></form>\n");
        return Page(labels.Language, labels.UnsubscribeTitle, body.ToString());
    }

    public static string Unsubscribed(PageLabels labels, UnsubscribeResult result)
    {
        var what = result.StopsEverything
            ? labels.UnsubscribedAll
            : string.Format(CultureInfo.InvariantCulture, labels.UnsubscribedThemeFormat, result.ThemeLabel);
        return Page(labels.Language, labels.UnsubscribedTitle, "<p>" + Encoder.Encode(what) + "</p>\n");
    }

    public static string Refusal(PageLabels labels, PageOutcome outcome)
    {
        var (title, text) = outcome switch
        {
            PageOutcome.Malformed => (labels.MalformedTitle, labels.MalformedText),
            PageOutcome.Forbidden => (labels.ForbiddenTitle, labels.ForbiddenText),
            PageOutcome.Expired => (labels.ExpiredTitle, labels.ExpiredText),
            PageOutcome.NotFound => (labels.NotFoundTitle, labels.NotFoundText),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a refusal."),
        };
        return Page(labels.Language, title, "<p>" + Encoder.Encode(text) + "</p>\n");
    }

    /// <summary>The document's normalised text, line breaks kept, each highlighted range in a &lt;mark&gt;.</summary>
    public static string SourceDocument(string pageLanguage, SourcePage page)
    {
        var body = new StringBuilder()
            .Append("<article lang=\"").Append(Encoder.Encode(page.Language)).Append("\" style=\"white-space:pre-wrap\">");
        var at = 0;
        foreach (var range in Merged(page.Highlights))
        {
            body.Append(Encoder.Encode(page.Text[at..range.Start]))
                .Append("<mark>").Append(Encoder.Encode(page.Text[range.Start..range.End])).Append("</mark>");
            at = range.End;
        }

        body.Append(Encoder.Encode(page.Text[at..])).Append("</article>\n");
        return Page(pageLanguage, page.Title, body.ToString());
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

    internal static string Page(string language, string title, string bodyHtml) =>
        new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(Encoder.Encode(language)).Append("\">\n<head>\n")
            .Append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">\n")
            .Append("<title>").Append(Encoder.Encode(title)).Append("</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style>\n")
            .Append("</head>\n<body>\n<h1>").Append(Encoder.Encode(title)).Append("</h1>\n")
            .Append(bodyHtml)
            .Append("</body>\n</html>\n")
            .ToString();
}
