using System.Net;
using System.Text;

namespace DigestPipeline.IntegrationTests.Sources;

/// <summary>The feeds and pages the tests serve: an article page with the chrome Readability must leave out, and RSS, Atom and JSON Feed documents.</summary>
public static class FeedContent
{
    public const string Chrome = "Subscribe now for unlimited access";
    public const string Footer = "All rights reserved by Example News Group";

    /// <summary>A page whose article is the paragraphs, inside a navigation bar, a sidebar and a footer.</summary>
    public static string Article(string title, params string[] paragraphs) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)} | Example News</title></head>
        <body>
          <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/tech">Tech</a> <a href="/subscribe">{Chrome}</a></nav></header>
          <main><article>
            <h1>{WebUtility.HtmlEncode(title)}</h1>
            {string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n"))}
          </article>
          <aside><h3>Most read</h3><ul><li><a href="/a">Celebrity gossip roundup</a></li><li><a href="/b">Weather this weekend</a></li></ul></aside></main>
          <footer><p>{Footer}. Privacy policy. Cookie settings. Contact us.</p></footer>
        </body></html>
        """;

    /// <summary>Paragraphs long enough for Readability to see an article (it wants a few hundred characters).</summary>
    public static string[] Story(string subject) =>
    [
        $"The regional grid operator said on Monday that {subject} would change how electricity is planned over the next decade, as data centres ask for more power than ever before.",
        $"Engineers at the operator explained that {subject} depends on new transmission lines, battery storage and better forecasting, and that each of these takes years to build and approve.",
        $"Local officials welcomed the plan but warned that {subject} must not raise household bills, and asked the regulator to publish the expected costs before the winter.",
    ];

    public record Item(string? Id, string Link, string Title, string? Html = null, string? Author = "Ana Reporter");

    public static string Rss(params Item[] items)
    {
        var builder = new StringBuilder("""<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example RSS</title><link>http://example.test/</link><description>News</description>""");
        foreach (var item in items)
        {
            builder.Append("<item><title>").Append(WebUtility.HtmlEncode(item.Title)).Append("</title><link>").Append(WebUtility.HtmlEncode(item.Link)).Append("</link>");
            if (item.Id is not null) builder.Append("<guid isPermaLink=\"false\">").Append(WebUtility.HtmlEncode(item.Id)).Append("</guid>");
            if (item.Author is not null) builder.Append("<author>ana@example.test (").Append(item.Author).Append(")</author>");
            builder.Append("<pubDate>Sun, 06 Dec 2026 09:00:00 GMT</pubDate>");
            if (item.Html is not null) builder.Append("<description>").Append(WebUtility.HtmlEncode(item.Html)).Append("</description>");
            builder.Append("</item>");
        }

        return builder.Append("</channel></rss>").ToString();
    }

    public static string Atom(params Item[] items)
    {
        var builder = new StringBuilder("""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title><id>urn:example:atom</id><updated>2026-12-06T09:00:00Z</updated>""");
        foreach (var item in items)
        {
            builder.Append("<entry><title>").Append(WebUtility.HtmlEncode(item.Title)).Append("</title><id>").Append(WebUtility.HtmlEncode(item.Id ?? item.Link)).Append("</id>")
                .Append("<updated>2026-12-06T09:00:00Z</updated><link rel=\"alternate\" href=\"").Append(WebUtility.HtmlEncode(item.Link)).Append("\"/>")
                .Append("<author><name>").Append(item.Author ?? "Anon").Append("</name></author>");
            if (item.Html is not null) builder.Append("<content type=\"html\">").Append(WebUtility.HtmlEncode(item.Html)).Append("</content>");
            builder.Append("</entry>");
        }

        return builder.Append("</feed>").ToString();
    }

    public static string JsonFeed(params Item[] items) => System.Text.Json.JsonSerializer.Serialize(new
    {
        version = "https://jsonfeed.org/version/1.1",
        title = "Example JSON",
        items = items.Select(i => new Dictionary<string, object?>
        {
            ["id"] = i.Id ?? i.Link,
            ["url"] = i.Link,
            ["title"] = i.Title,
            ["content_html"] = i.Html,
            ["date_published"] = "2026-12-06T09:00:00Z",
            ["authors"] = new[] { new { name = i.Author } },
        }),
    });
}
