using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DigestPipeline.Core.Documents;

namespace DigestPipeline.Core.Newsletters;

/// <summary>
/// From a message's HTML part (else its text part) to its article: chrome removed (<see cref="NewsletterChrome"/>),
/// then the main content kept by SmartReader (Readability) as for a feed item's page. The title is the article's own
/// heading (the first <c>h1</c> or <c>h2</c> of the main content, else of the cleaned message), not the
/// <c>title</c> element nor the subject, which carry the list's name and the issue number; the subject, stripped of
/// such a prefix, only stands in when there is no heading.
/// </summary>
public static partial class NewsletterArticles
{
    /// <summary>The address SmartReader resolves relative links against when the issue has no "view in browser" link.</summary>
    private static readonly Uri NoAddress = new("https://newsletter.invalid/");

    /// <returns>The article, or null when the message holds no text.</returns>
    public static NewsletterArticle? Extract(MailboxMessage message, bool removeChrome = true)
    {
        ArgumentNullException.ThrowIfNull(message);
        var html = !string.IsNullOrWhiteSpace(message.Html) ? message.Html
            : !string.IsNullOrWhiteSpace(message.Text) ? PlainTextPage(message.Text) : null;
        if (html is null)
            return null;

        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var browserLink = NewsletterChrome.BrowserLink(document);
        if (removeChrome)
            NewsletterChrome.Remove(document);
        if (document.Body is not { } body || string.IsNullOrWhiteSpace(body.TextContent))
            return null;

        var content = MainContent(document.DocumentElement.OuterHtml, browserLink ?? NoAddress) ?? body.InnerHtml;
        using var main = parser.ParseDocument($"<!DOCTYPE html><html><body>{content}</body></html>");
        if (string.IsNullOrWhiteSpace(main.Body?.TextContent))
            return null;

        // The heading that names the article becomes the page's title (and its h1), so it is taken out of the content.
        var heading = main.QuerySelector("h1, h2");
        string? title = Heading(heading);
        if (title is not null)
            heading!.Remove();
        else
            title = Heading(document.QuerySelector("h1, h2")) ?? SubjectTitle(message.Subject) ?? "Newsletter";
        return new NewsletterArticle(main.Body!.InnerHtml, title, browserLink);
    }

    /// <summary>A subject without the list's tag and issue number: "[Weekly] Newsletter #142 — The title" → "The title".</summary>
    public static string? SubjectTitle(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject))
            return null;
        var title = subject.Trim();
        string before;
        do
        {
            before = title;
            title = SubjectPrefix().Replace(title, "").Trim();
        }
        while (title != before && title.Length > 0);
        title = Collapse(title);
        return title.Length is 0 or > UploadMetadata.MaxTitleLength ? null : title;
    }

    private static string? MainContent(string html, Uri address)
    {
        try
        {
            var article = new SmartReader.Reader(address.AbsoluteUri, html).GetArticle();
            return article.IsReadable && !string.IsNullOrWhiteSpace(article.TextContent) ? article.Content : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A third party's parser: whatever it throws on a strange message, the cleaned body stands in.
            return null;
        }
    }

    private static string? Heading(IElement? heading)
    {
        if (heading is null)
            return null;
        var text = Collapse(heading.TextContent);
        return text.Length is 0 or > UploadMetadata.MaxTitleLength ? null : text;
    }

    private static string PlainTextPage(string text) =>
        "<!DOCTYPE html><html><body>" + string.Concat(text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n")) + "</body></html>";

    private static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    /// <summary>"[Tag] ", "Fwd: ", "TR : ", "Newsletter #142 — ", "Issue 12: ", "N°42 | ", "#7 - ".</summary>
    [GeneratedRegex(@"^(?:\[[^\]]{0,60}\]|\((?:[^)]{0,60})\)|(?:re|fwd?|tr|fw)\s*:|(?:[\p{L}’' ]{0,40}?\s)?(?:#|n°|no\.?|num[ée]ro|issue|[ée]dition|vol\.?|volume|lettre|newsletter)\s*#?\s*\d+(?:\s*[.,]\s*\d+)?\s*(?:[—–\-:|·•]|$))\s*", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectPrefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
