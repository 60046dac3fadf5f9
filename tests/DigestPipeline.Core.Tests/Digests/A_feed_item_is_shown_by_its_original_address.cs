using DigestPipeline.Core.Digests;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Digests;

/// <summary>
/// A document from a feed or a fetched page names its original page, not the blob name it was uploaded under: the
/// plain-text part shows the address, the HTML part links to it. A file uploaded by hand still shows its name, unlinked.
/// </summary>
public sealed class A_feed_item_is_shown_by_its_original_address
{
    [Fact]
    public void Both_parts_show_the_item_s_link_instead_of_its_upload_name_and_the_html_links_to_it()
    {
        var fromFeed = DigestSamples.Item("doc-feed", "Les hôpitaux et l’IA", "web/0123456789abcdef0123456789abcdef.html", "Les hôpitaux testent des assistants.")
            with { SourceUrl = new Uri("https://news.example.org/sante/ia?id=7&x=1") };
        var content = DigestSamples.WithThemes(DigestSamples.Content(), new DigestThemeGroup("sante", "Santé", [fromFeed]));

        var digest = DigestSamples.Compose(content);

        digest.Text.ShouldContain("https://news.example.org/sante/ia?id=7&x=1");
        digest.Html.ShouldContain("<a href=\"https://news.example.org/sante/ia?id=7&amp;x=1\"");
        digest.Html.ShouldNotContain("web/0123456789abcdef0123456789abcdef.html");
        digest.Text.ShouldNotContain("web/0123456789abcdef0123456789abcdef.html");
    }

    [Fact]
    public void A_file_uploaded_by_hand_is_still_named_by_its_upload_and_not_linked()
    {
        var digest = DigestSamples.Compose(DigestSamples.Content());

        digest.Html.ShouldContain("Libération");
        digest.Html.ShouldNotContain("<a href=\"Libération");
    }
}
