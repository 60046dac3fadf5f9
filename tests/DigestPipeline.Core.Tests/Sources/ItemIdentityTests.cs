using DigestPipeline.Core.Sources;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Sources;

/// <summary>An item is its guid, else its canonical link; the hash names the document and the upload.</summary>
public sealed class ItemIdentityTests
{
    [Fact]
    public void The_guid_wins_over_the_link() =>
        ItemIdentity.Of("tag:example.org,2026:42", new Uri("https://example.org/a")).ShouldBe("id:tag:example.org,2026:42");

    [Fact]
    public void Without_a_guid_the_same_page_written_differently_is_one_item()
    {
        var a = ItemIdentity.Of(null, new Uri("HTTPS://Example.org:443/news/1?utm_source=rss&id=7#comments"));
        var b = ItemIdentity.Of("  ", new Uri("https://example.org/news/1?id=7"));

        a.ShouldBe(b);
        ItemIdentity.Hash(a!).ShouldBe(ItemIdentity.Hash(b!));
    }

    [Fact]
    public void A_guid_that_is_an_address_names_the_page_as_its_link_would() =>
        ItemIdentity.Of("https://example.org/news/1#x", null).ShouldBe(ItemIdentity.Of(null, new Uri("https://example.org/news/1")));

    [Fact]
    public void Different_pages_are_different_items() =>
        ItemIdentity.Hash(ItemIdentity.Of(null, new Uri("https://example.org/news/1"))!)
            .ShouldNotBe(ItemIdentity.Hash(ItemIdentity.Of(null, new Uri("https://example.org/news/2"))!));

    [Fact]
    public void An_item_with_neither_guid_nor_link_has_no_identity() => ItemIdentity.Of(null, null).ShouldBeNull();

    [Fact]
    public void The_hash_has_a_document_ids_form_and_names_one_blob()
    {
        var hash = ItemIdentity.Hash("id:x");

        hash.ShouldMatch("^[0-9a-f]{32}$");
        ItemIdentity.BlobName(hash).ShouldBe($"web/{hash}.html");
    }
}
