using AngleSharp.Html.Parser;
using DigestPipeline.Core.Newsletters;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Newsletters;

/// <summary>What newsletters repeat around their article goes; the article stays, whatever table layout holds it.</summary>
public sealed class NewsletterChromeTests
{
    private const string Article = "<p>The city council voted on Tuesday to double the budget of its public libraries, after two years of cuts that closed four branches.</p>";

    private static string Cleaned(string body)
    {
        using var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{body}</body></html>");
        NewsletterChrome.Remove(document);
        return System.Text.RegularExpressions.Regex.Replace(document.Body!.TextContent, @"\s+", " ").Trim();
    }

    [Theory]
    [InlineData("<div style=\"display:none;max-height:0;overflow:hidden\">Preview: this week, libraries and more</div>")]
    [InlineData("<span style=\"DISPLAY: none !important\">Preview: this week, libraries and more</span>")]
    [InlineData("<div style=\"max-height:0px;overflow:hidden;mso-hide:all\">Preview: this week, libraries and more</div>")]
    [InlineData("<div style=\"font-size:0;line-height:0;color:#fff\">Preview: this week, libraries and more</div>")]
    [InlineData("<div style=\"opacity:0\">Preview: this week, libraries and more</div>")]
    [InlineData("<div style=\"mso-hide:all\">Preview: this week, libraries and more</div>")]
    [InlineData("<span class=\"preheader\">Preview: this week, libraries and more</span>")]
    public void Hidden_preheader_text_is_removed(string preheader) =>
        Cleaned(preheader + Article).ShouldNotContain("Preview");

    [Fact]
    public void A_zero_font_size_wrapper_whose_columns_set_their_own_size_is_kept()
    {
        var text = Cleaned($"<div style=\"font-size:0px\"><div style=\"display:inline-block;font-size:16px\">{Article}</div></div>");
        text.ShouldContain("double the budget");
    }

    [Theory]
    [InlineData("<p><a href=\"https://news.example.org/issues/142\">View this email in your browser</a></p>")]
    [InlineData("<table><tr><td>Having trouble reading this email? <a href=\"https://e.example\">View it online</a></td></tr></table>")]
    [InlineData("<p>Voir la version en ligne</p>")]
    [InlineData("<p>Si ce message ne s’affiche pas correctement, <a href=\"https://e.example\">cliquez ici</a></p>")]
    [InlineData("<p><a href=\"https://e.example\">Afficher dans le navigateur</a></p>")]
    public void View_in_browser_lines_are_removed(string line) =>
        Cleaned(line + Article).ShouldBe(Cleaned(Article));

    [Theory]
    [InlineData("<p>You are receiving this email because you signed up at example.org. <a href=\"https://e.example/u\">Unsubscribe</a> | <a href=\"https://e.example/p\">Manage preferences</a></p>")]
    [InlineData("<p>Pour ne plus recevoir cette lettre, <a href=\"https://e.example/u\">désabonnez-vous</a>.</p>")]
    [InlineData("<p><a href=\"https://e.example/x\">Se désabonner</a> · <a href=\"https://e.example/y\">Gérer mes préférences</a></p>")]
    [InlineData("<p>© 2026 Example Media. All rights reserved.</p>")]
    [InlineData("<p>Example Media, 1200 Market Street, Suite 400, San Francisco, CA 94103</p>")]
    [InlineData("<p>Exemple Médias SAS, 12 rue de la Paix, 75002 Paris</p>")]
    [InlineData("<footer><p>Example Media</p><p>Thanks for reading</p></footer>")]
    [InlineData("<table id=\"templateFooter\"><tr><td>Example Media<br>Thanks for reading</td></tr></table>")]
    public void Footer_address_and_unsubscribe_lines_are_removed(string footer) =>
        Cleaned(Article + footer).ShouldBe(Cleaned(Article));

    [Theory]
    [InlineData("<p><a href=\"https://www.facebook.com/example\">Facebook</a> <a href=\"https://twitter.com/example\">Twitter</a> <a href=\"https://www.linkedin.com/company/example\">LinkedIn</a></p>")]
    [InlineData("<p>Follow us on <a href=\"https://mastodon.social/@example\">Mastodon</a></p>")]
    [InlineData("<p>Suivez-nous sur les réseaux sociaux</p>")]
    [InlineData("<p><a href=\"mailto:?subject=Read%20this\">Forward to a friend</a></p>")]
    [InlineData("<table><tr><td style=\"background:#0a66c2;border-radius:4px\"><a href=\"https://e.example/d\" style=\"background:#0a66c2;padding:12px 24px;color:#fff\">Donate today</a></td></tr></table>")]
    [InlineData("<p><a class=\"btn btn-primary\" href=\"https://e.example/r\">Read the full story</a></p>")]
    [InlineData("<p><a href=\"https://e.example/r\">Lire la suite</a></p>")]
    public void Share_social_links_and_calls_to_action_are_removed(string chrome) =>
        Cleaned(Article + chrome).ShouldBe(Cleaned(Article));

    [Theory]
    [InlineData("<div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">---------- Forwarded message ---------<br>From: <strong>The Weekly Brief</strong> &lt;editors@weeklybrief.example&gt;<br>Date: Thu, Dec 3, 2026 at 7:30 AM<br>Subject: Issue #142<br>To: &lt;me@example.org&gt;<br></div><br>" + Article + "</div>")]
    [InlineData("<div>Début du message réexpédié :</div><blockquote><div><b>De :</b> La Lettre Énergie &lt;redaction@lettre-energie.example&gt;</div></blockquote>" + Article)]
    public void The_header_of_an_inline_forward_is_removed(string forwarded)
    {
        var text = Cleaned(forwarded);
        text.ShouldContain("double the budget");
        text.ShouldNotContain("Forwarded message");
        text.ShouldNotContain("réexpédié");
        text.ShouldNotContain("editors@weeklybrief.example");
        text.ShouldNotContain("redaction@lettre-energie.example");
    }

    [Fact]
    public void Tracking_pixels_are_removed_and_other_images_kept()
    {
        using var document = new HtmlParser().ParseDocument(
            "<html><body><img src=\"https://t.example/open.gif\" width=\"1\" height=\"1\"><img src=\"https://t.example/o2.gif\" style=\"width:1px;height:1px\">"
            + "<img src=\"https://cdn.example/chart.png\" width=\"600\" height=\"300\" alt=\"Budget chart\">" + Article + "</body></html>");
        NewsletterChrome.Remove(document);
        document.QuerySelectorAll("img").Select(i => i.GetAttribute("src")).ShouldBe(["https://cdn.example/chart.png"]);
    }

    [Fact]
    public void A_long_article_paragraph_that_mentions_unsubscribing_stays()
    {
        var paragraph = "<p>" + string.Concat(Enumerable.Repeat("Readers who unsubscribe from local papers rarely come back, the survey found, and the council cited it. ", 5)) + "</p>";
        Cleaned(paragraph).ShouldContain("Readers who unsubscribe");
    }

    [Fact]
    public void Only_the_chrome_line_of_a_cell_that_also_holds_the_article_goes()
    {
        var text = Cleaned($"<table><tr><td>{Article}<p><a href=\"https://e.example/u\">Unsubscribe</a></p></td></tr></table>");
        text.ShouldContain("double the budget");
        text.ShouldNotContain("Unsubscribe");
    }

    [Fact]
    public void The_view_in_browser_link_is_the_issues_address()
    {
        using var document = new HtmlParser().ParseDocument(
            "<html><body><p>Trouble reading? <a href=\"https://news.example.org/issues/142?utm_source=mail\">View it in your browser</a></p>" + Article + "</body></html>");
        NewsletterChrome.BrowserLink(document).ShouldBe(new Uri("https://news.example.org/issues/142?utm_source=mail"));
    }
}
