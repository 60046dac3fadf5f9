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
    public void A_long_address_stays_whole_on_a_line_of_its_own_in_the_text_part()
    {
        var url = "https://news.example.org/2026/12/06/hospitals-and-grid-operators-brace-for-the-next-wave-of-artificial-intelligence?ref=rss";
        var fromFeed = DigestSamples.Item("doc-feed", "Les hôpitaux et l’IA", "web/x.html", "Les hôpitaux testent des assistants.") with { SourceUrl = new Uri(url) };

        var text = DigestSamples.Compose(DigestSamples.WithThemes(DigestSamples.Content(), new DigestThemeGroup("sante", "Santé", [fromFeed]))).Text;

        var lines = text.Split('\n');
        lines.ShouldContain(line => line.Trim() == url, "cut, it would not be a link any more");
        // Every other line within the width, but links alone on their line (the digest's own links too).
        lines.Where(line => !(line.TrimStart().StartsWith("https://", StringComparison.Ordinal) && !line.Trim().Contains(' ', StringComparison.Ordinal)))
            .ShouldAllBe(line => line.Length <= DigestComposer.TextWidth);
    }

    [Fact]
    public void A_file_uploaded_by_hand_is_still_named_by_its_upload_and_not_linked()
    {
        var digest = DigestSamples.Compose(DigestSamples.Content());

        digest.Html.ShouldContain("Libération");
        digest.Html.ShouldNotContain("<a href=\"Libération");
    }
}
