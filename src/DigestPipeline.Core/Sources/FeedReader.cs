using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;

namespace DigestPipeline.Core.Sources;

/// <summary>One item of a feed, whatever its format; <c>ItemId</c> is its RSS guid, Atom id or JSON Feed id.</summary>
/// <param name="Content">The item's own content (or summary), HTML when <paramref name="ContentIsHtml"/>.</param>
public sealed record FeedItem(string? ItemId, Uri? Link, string? Title, string? Author, DateTimeOffset? Published, string? Content, bool ContentIsHtml);

/// <summary>A feed that could not be read, with the reason.</summary>
public sealed class FeedFormatException(string message, Exception? inner = null) : FormatException(message, inner);

/// <summary>
/// Reads RSS 2.0 and Atom 1.0 with <c>System.ServiceModel.Syndication</c> (DTDs refused, no external resolution), and
/// JSON Feed 1.x with System.Text.Json (the format is a handful of fields). The format is told by the bytes: a JSON
/// object is a JSON Feed, anything else is XML.
/// </summary>
public static class FeedReader
{
    private const string ContentModule = "http://purl.org/rss/1.0/modules/content/";

    public static IReadOnlyList<FeedItem> Read(byte[] body, Uri feedUrl)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return LooksLikeJson(body) ? ReadJsonFeed(body, feedUrl) : ReadXmlFeed(body, feedUrl);
        }
        catch (Exception e) when (e is XmlException or JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new FeedFormatException($"not a readable RSS, Atom or JSON feed: {e.Message}", e);
        }
    }

    private static bool LooksLikeJson(byte[] body)
    {
        var start = body.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        foreach (var b in body.AsSpan(start))
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b == (byte)'{';
        }

        return false;
    }

    private static List<FeedItem> ReadXmlFeed(byte[] body, Uri feedUrl)
    {
        using var stream = new MemoryStream(body);
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
        xml.MoveToContent();
        // RSS says nothing of its descriptions' type and in practice they are HTML (entity-encoded); Atom says.
        var isRss = xml.LocalName == "rss";
        var feed = SyndicationFeed.Load(xml) ?? throw new FeedFormatException("the document is neither RSS 2.0 nor Atom 1.0");
        return feed.Items.Select(item =>
        {
            var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri;
            var encoded = item.ElementExtensions.ReadElementExtensions<string>("encoded", ContentModule).FirstOrDefault();
            var (content, isHtml) = encoded is { Length: > 0 } ? (encoded, true)
                : item.Content is TextSyndicationContent text ? (text.Text, isRss || text.Type != "text")
                : item.Summary is { } summary ? (summary.Text, isRss || summary.Type != "text")
                : (null, false);
            var published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime != default ? item.LastUpdatedTime : (DateTimeOffset?)null;
            var author = item.Authors.FirstOrDefault() is { } a ? a.Name ?? a.Email : null;
            return new FeedItem(item.Id, Absolute(link, item.BaseUri ?? feed.BaseUri ?? feedUrl), item.Title?.Text, author, published, content, isHtml);
        }).ToList();
    }

    /// <summary>JSON Feed 1.0/1.1 (jsonfeed.org): <c>items[]</c> with <c>id</c>, <c>url</c>, <c>title</c>, <c>content_html</c> or <c>content_text</c>, <c>summary</c>, <c>date_published</c>, <c>authors</c>.</summary>
    private static List<FeedItem> ReadJsonFeed(byte[] body, Uri feedUrl)
    {
        using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        var root = json.RootElement;
        if (!root.TryGetProperty("version", out var version) || version.GetString()?.StartsWith("https://jsonfeed.org/version/", StringComparison.Ordinal) != true)
            throw new FeedFormatException("a JSON document without a JSON Feed 'version'");
        if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            throw new FeedFormatException("a JSON Feed without 'items'");
        return items.EnumerateArray().Select(item =>
        {
            var html = String(item, "content_html");
            var (content, isHtml) = html is not null ? (html, true) : String(item, "content_text") is { } text ? (text, false) : (String(item, "summary"), false);
            var author = item.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array && authors.GetArrayLength() > 0 ? String(authors[0], "name")
                : item.TryGetProperty("author", out var single) && single.ValueKind == JsonValueKind.Object ? String(single, "name") : null;
            var published = String(item, "date_published") is { } d && DateTimeOffset.TryParse(d, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
            var link = String(item, "url") is { } u && Uri.TryCreate(feedUrl, u, out var uri) ? uri : null;
            return new FeedItem(String(item, "id"), link, String(item, "title"), author, published, content, isHtml);
        }).ToList();
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch { JsonValueKind.String => value.GetString(), JsonValueKind.Number => value.GetRawText(), _ => null }
            : null;

    private static Uri? Absolute(Uri? link, Uri baseUri) =>
        link is null ? null : link.IsAbsoluteUri ? link : Uri.TryCreate(baseUri, link, out var absolute) ? absolute : null;
}
