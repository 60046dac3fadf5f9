using System.Text;
using DigestPipeline.Core.Sources;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Sources;

/// <summary>RSS 2.0, Atom 1.0 and JSON Feed read into the same items; anything else refused with a reason.</summary>
public sealed class FeedReaderTests
{
    private static readonly Uri FeedUrl = new("https://example.org/feed");

    [Fact]
    public void An_rss_item_gives_its_guid_link_title_author_date_and_encoded_content()
    {
        var items = Read("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel><title>News</title><link>https://example.org/</link><description>d</description>
                <item><title>Énergie : un plan</title><link>https://example.org/a/1</link><guid isPermaLink="false">n-1</guid>
                  <author>ed@example.org (Ed)</author><pubDate>Sun, 06 Dec 2026 10:00:00 GMT</pubDate>
                  <description>Short.</description><content:encoded><![CDATA[<p>Long <b>text</b>.</p>]]></content:encoded></item>
              </channel></rss>
            """);

        var item = items.ShouldHaveSingleItem();
        item.ItemId.ShouldBe("n-1");
        item.Link.ShouldBe(new Uri("https://example.org/a/1"));
        item.Title.ShouldBe("Énergie : un plan");
        item.Author.ShouldNotBeNull();
        item.Published.ShouldBe(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero));
        item.Content.ShouldBe("<p>Long <b>text</b>.</p>");
        item.ContentIsHtml.ShouldBeTrue();
    }

    [Fact]
    public void An_atom_entry_gives_its_id_alternate_link_and_content()
    {
        var items = Read("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:f</id><updated>2026-12-06T10:00:00Z</updated>
              <entry><title>Entry</title><id>urn:e:1</id><updated>2026-12-06T11:00:00Z</updated>
                <link rel="alternate" href="/posts/1"/><author><name>Ana</name></author>
                <content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>
            """);

        var item = items.ShouldHaveSingleItem();
        item.ItemId.ShouldBe("urn:e:1");
        item.Link.ShouldBe(new Uri("https://example.org/posts/1"));
        item.Author.ShouldBe("Ana");
        item.Content.ShouldBe("<p>Body</p>");
    }

    [Fact]
    public void A_json_feed_item_gives_the_same_fields()
    {
        var items = Read("""
            {"version":"https://jsonfeed.org/version/1.1","title":"J","items":[
              {"id":"j-1","url":"https://example.org/j/1","title":"Json item","content_text":"Para one.\n\nPara two.",
               "date_published":"2026-12-06T09:30:00Z","authors":[{"name":"Jo"}]}]}
            """);

        var item = items.ShouldHaveSingleItem();
        item.ItemId.ShouldBe("j-1");
        item.Title.ShouldBe("Json item");
        item.Author.ShouldBe("Jo");
        item.ContentIsHtml.ShouldBeFalse();
        PageExtractor.FeedContent(item).ShouldBe("<p>Para one.</p>\n<p>Para two.</p>\n");
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel><title>x</channel></rss>")]
    [InlineData("<html><body>not a feed</body></html>")]
    [InlineData("{\"items\": []}")]
    [InlineData("{ not json")]
    [InlineData("<!DOCTYPE rss [<!ENTITY x \"y\">]><rss version=\"2.0\"><channel><title>&x;</title></channel></rss>")]
    public void Anything_else_is_refused_with_a_reason(string text) =>
        Should.Throw<FeedFormatException>(() => Read(text)).Message.ShouldStartWith("not a readable RSS, Atom or JSON feed");

    private static IReadOnlyList<FeedItem> Read(string text) => FeedReader.Read(Encoding.UTF8.GetBytes(text), FeedUrl);
}
