using System.Globalization;
using System.Text;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Newsletters;
using DigestPipeline.Core.Sources;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Newsletters;

/// <summary>
/// The figure of the closing note: of the characters of chrome in the test newsletters (<see cref="TestNewsletter.Chrome"/>),
/// how many reach the document's text, read as ingest reads the upload, with SmartReader alone and with the chrome
/// removed first. The articles must stay whole either way. No server: the text path only (the dovecot tests go the
/// whole way and check the same text). The figure is written to <c>newsletter-chrome.txt</c> in the test output folder.
/// </summary>
public sealed class Newsletter_chrome_left_in_the_text
{
    [Fact]
    public void Chrome_removal_leaves_none_of_the_chrome_that_SmartReader_alone_keeps()
    {
        long present = 0, keptBefore = 0, keptAfter = 0;
        var report = new StringBuilder();
        foreach (var newsletter in TestNewsletters.All())
        {
            var before = TextOf(newsletter, removeChrome: false);
            var after = TextOf(newsletter, removeChrome: true);
            foreach (var paragraph in newsletter.Paragraphs)
                TestNewsletters.Collapse(after).ShouldContain(TestNewsletters.Collapse(paragraph), customMessage: "the article stays whole");
            var all = newsletter.Chrome.Sum(c => (long)c.Length);
            var kept = (Before: newsletter.ChromeIn(before).Sum(c => (long)c.Length), After: newsletter.ChromeIn(after).Sum(c => (long)c.Length));
            (present, keptBefore, keptAfter) = (present + all, keptBefore + kept.Before, keptAfter + kept.After);
            report.AppendLine(CultureInfo.InvariantCulture, $"{newsletter.Heading}: chrome {all} chars, kept by SmartReader alone {kept.Before}, after chrome removal {kept.After}; left after: {string.Join(" | ", newsletter.ChromeIn(after))}");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"all: {present} chars of chrome; SmartReader alone keeps {keptBefore} ({100.0 * keptBefore / present:0.#} %), with chrome removal {keptAfter} ({100.0 * keptAfter / present:0.#} %)");
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        // Also in the test output folder, where docs/performance.md reads the figure from.
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "newsletter-chrome.txt"), report.ToString());
        keptBefore.ShouldBeGreaterThan(0, "SmartReader alone keeps some chrome, or the newsletters test nothing");
        keptAfter.ShouldBe(0, report.ToString());
    }

    /// <summary>The message's article as the handler uploads it, then read by the pipeline's reader (the document's text).</summary>
    private static string TextOf(TestNewsletter newsletter, bool removeChrome)
    {
        var message = newsletter.Message;
        var mailbox = new MailboxMessage("1", message.MessageId, message.From.Mailboxes.First().Address, message.From.Mailboxes.First().Name, message.Subject,
            message.Date, 0, false, message.HtmlBody, message.TextBody, []);
        var article = NewsletterArticles.Extract(mailbox, removeChrome).ShouldNotBeNull();
        var page = Encoding.UTF8.GetBytes(PageExtractor.Page(article.Title, article.Html));
        return new DocumentReader(new DocumentReaderOptions()).Read("mail/x.html", page, DateTimeOffset.UtcNow, cancellationToken: TestContext.Current.CancellationToken).Text;
    }
}
