using DigestPipeline.Core.Newsletters;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Newsletters;

/// <summary>A message's article: titled by its own heading, not by its title element nor its numbered subject.</summary>
public sealed class NewsletterArticlesTests
{
    private static MailboxMessage Message(string? html, string? text = null, string subject = "Newsletter #142 — Libraries get their budget back") =>
        new("1", "m1@example.org", "news@example.org", "Example News", subject, null, 1000, false, html, text, []);

    private const string Paragraphs =
        "<p>The city council voted on Tuesday to double the budget of its public libraries, after two years of cuts that closed four branches across the city.</p>"
        + "<p>The four branches will reopen in the spring, with longer hours on weekends, and the mobile library will serve the northern suburbs again.</p>"
        + "<p>Librarians welcomed the vote but said hiring back the staff who left would take most of the year, as many have found other work since.</p>";

    [Fact]
    public void The_title_is_the_articles_heading_not_the_title_element_nor_the_subject()
    {
        var article = NewsletterArticles.Extract(Message(
            $"<html><head><title>Example News #142</title></head><body><table><tr><td><h1>Libraries get their budget back</h1>{Paragraphs}</td></tr></table></body></html>"))!;
        article.Title.ShouldBe("Libraries get their budget back");
        article.Html.ShouldNotContain("<h1", Case.Insensitive);
    }

    [Fact]
    public void Without_a_heading_the_subject_stands_in_without_its_tag_and_number()
    {
        NewsletterArticles.Extract(Message($"<html><body>{Paragraphs}</body></html>", subject: "[Weekly] Newsletter #142 — Libraries get their budget back"))!
            .Title.ShouldBe("Libraries get their budget back");
    }

    [Theory]
    [InlineData("[Weekly] The budget", "The budget")]
    [InlineData("Newsletter #142 — The budget", "The budget")]
    [InlineData("La Lettre n°42 : Le budget", "Le budget")]
    [InlineData("Fwd: [Tech] Issue 12: The budget", "The budget")]
    [InlineData("TR : Édition 7 | Le budget", "Le budget")]
    [InlineData("The budget in 2026", "The budget in 2026")]
    public void Subjects_lose_their_list_tag_and_issue_number(string subject, string title) =>
        NewsletterArticles.SubjectTitle(subject).ShouldBe(title);

    [Fact]
    public void A_text_only_message_is_read_as_paragraphs()
    {
        var article = NewsletterArticles.Extract(Message(null, "The council voted to double the libraries' budget.\n\nThe branches reopen in spring.\n\nUnsubscribe: https://e.example/u"))!;
        article.Html.ShouldContain("double the libraries");
        article.Html.ShouldNotContain("Unsubscribe");
    }

    [Fact]
    public void A_message_with_no_text_has_no_article()
    {
        NewsletterArticles.Extract(Message("<html><body><img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\"></body></html>")).ShouldBeNull();
        NewsletterArticles.Extract(Message(null)).ShouldBeNull();
    }
}
