using System.Net;
using System.Text;
using DigestPipeline.Core.Documents;

namespace DigestPipeline.Core.Sources;

/// <summary>The text an item becomes before it is uploaded: its main content, or its feed content, as one HTML page.</summary>
/// <param name="FromFeedContent">The page could not be fetched or gave nothing readable, so the feed's own content stands in.</param>
public sealed record ItemPage(string Html, bool FromFeedContent);

/// <summary>A page's main content (HTML), with the title and byline the extractor found.</summary>
public sealed record ExtractedArticle(string Html, string? Title, string? Byline);

/// <summary>
/// The main content of a fetched page with SmartReader (a port of Mozilla's Readability): the article without menus,
/// sidebars and footers. The result is wrapped as a small HTML page whose <c>h1</c> is the item's title, so ingest's
/// HTML reader gives it the same structure (title, headings, paragraphs) as any uploaded page.
/// </summary>
public static class PageExtractor
{
    /// <returns>The article's HTML and title, or null when the page has no readable article.</returns>
    public static ExtractedArticle? MainContent(byte[] body, string? charset, string? mediaType, Uri url)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(url);
        var text = Decode(body, charset);
        if (mediaType == "text/plain")
            return string.IsNullOrWhiteSpace(text) ? null : new ExtractedArticle(PlainText(text), null, null);
        var article = new SmartReader.Reader(url.AbsoluteUri, text).GetArticle();
        if (!article.IsReadable || string.IsNullOrWhiteSpace(article.TextContent))
            return null;
        return new ExtractedArticle(article.Content, Headline(text) ?? (string.IsNullOrWhiteSpace(article.Title) ? null : article.Title),
            string.IsNullOrWhiteSpace(article.Byline) ? null : article.Byline);
    }

    /// <summary>
    /// The page's headline: its article's (else its first) <c>h1</c>. The <c>title</c> element, which Readability
    /// falls back on, often carries the site's name ("Headline | Example News").
    /// </summary>
    private static string? Headline(string html)
    {
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var headline = (document.QuerySelector("article h1") ?? document.QuerySelector("main h1") ?? document.QuerySelector("h1"))?.TextContent.Trim();
        return string.IsNullOrWhiteSpace(headline) || headline.Length > UploadMetadata.MaxTitleLength ? null : headline;
    }

    /// <summary>A feed item's own content as HTML (text is escaped, a paragraph per blank-line block).</summary>
    public static string? FeedContent(FeedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (string.IsNullOrWhiteSpace(item.Content)) return null;
        return item.ContentIsHtml ? item.Content : PlainText(item.Content);
    }

    public static string Page(string? title, string contentHtml)
    {
        var encoded = WebUtility.HtmlEncode(title ?? "");
        return $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{encoded}</title></head>\n<body><article>{(encoded.Length > 0 ? $"<h1>{encoded}</h1>\n" : "")}{contentHtml}</article></body></html>\n";
    }

    private static string PlainText(string text) =>
        string.Concat(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n"));

    private static string Decode(byte[] body, string? charset)
    {
        try
        {
            return (charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset.Trim('"'))).GetString(body);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8.GetString(body);
        }
    }
}
