using System.Text;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Mail;
using MimeKit;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Mail;

/// <summary>The MIME message of a digest, written out and read back as a mail client would (no server needed).</summary>
public sealed class List_unsubscribe_headers_are_well_formed
{
    [Fact]
    public void Both_headers_are_there_once_with_the_one_click_url()
    {
        var email = TestDigests.Email();

        var message = Reparse(MimeEmail.Create(email));

        message.Headers.Count(h => h.Field == "List-Unsubscribe").ShouldBe(1);
        message.Headers.Count(h => h.Field == "List-Unsubscribe-Post").ShouldBe(1);
        message.Headers["List-Unsubscribe"].ShouldNotBeNull().Trim().ShouldBe($"<{email.UnsubscribeUrl}>");
        message.Headers["List-Unsubscribe-Post"].ShouldNotBeNull().Trim().ShouldBe("List-Unsubscribe=One-Click");
    }

    [Fact]
    public void An_email_without_an_unsubscribe_url_has_neither_header()
    {
        var email = TestDigests.Email() with { UnsubscribeUrl = null };

        var message = Reparse(MimeEmail.Create(email));

        message.Headers.Contains("List-Unsubscribe").ShouldBeFalse();
        message.Headers.Contains("List-Unsubscribe-Post").ShouldBeFalse();
        message.MessageId.ShouldBe(email.MessageId);
    }

    [Fact]
    public void The_url_is_https_and_its_token_unsubscribes_the_recipient_from_everything()
    {
        var email = TestDigests.Email();
        var value = Reparse(MimeEmail.Create(email)).Headers["List-Unsubscribe"].ShouldNotBeNull().Trim();

        var url = new Uri(value.TrimStart('<').TrimEnd('>'));
        url.Scheme.ShouldBe("https");
        url.AbsolutePath.ShouldBe("/unsubscribe");
        var token = url.Query.Split('=', 2)[1];
        var verified = TestDigests.Tokens(TestDigests.Period).Verify(token, TokenPurpose.Unsubscribe);
        verified.Token.ShouldNotBeNull().SubscriberId.ShouldBe("sub-1");
    }

    [Fact]
    public void The_raw_header_unfolds_to_the_url_in_one_piece()
    {
        var email = TestDigests.Email();
        var raw = Write(MimeEmail.Create(email));

        // MimeKit folds a long header before its value (legal folding white space); the URL itself is never split.
        var headers = raw[..raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Replace("\r\n ", " ", StringComparison.Ordinal).Split("\r\n");
        headers.Where(l => l.StartsWith("List-Unsubscribe:", StringComparison.Ordinal)).ShouldHaveSingleItem()
            .ShouldMatch($"^List-Unsubscribe: +<{System.Text.RegularExpressions.Regex.Escape(email.UnsubscribeUrl!)}>$");
        headers.ShouldContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        raw.Split("\r\n").ShouldAllBe(l => l.Length <= 998);
    }

    [Fact]
    public void A_display_name_with_CRLF_from_a_subscriber_never_creates_a_header()
    {
        var good = TestDigests.Email();
        var subscriber = new Subscriber("sub-1", "marie@example.org", "Marie\r\nBcc: victim@example.org", ["sante"], "fr",
            "0 8 * * 1", "Europe/Paris", SubscriberState.Active, DateTimeOffset.UnixEpoch);
        var delivery = new Delivery("sub-1", good.Date, DeliveryState.Claimed, good.Date, good.Date, good.Date, good.MessageId);
        var composed = new ComposedDigest(good.Subject, good.HtmlBody, good.TextBody, good.UnsubscribeUrl!);

        var message = Reparse(MimeEmail.Create(DigestMail.For(composed, subscriber, delivery, new DigestOptions())));

        message.Headers.Contains("Bcc").ShouldBeFalse();
        message.Bcc.ShouldBeEmpty();
        message.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("marie@example.org");
    }

    [Fact]
    public void A_theme_label_with_CRLF_never_creates_a_header()
    {
        var email = TestDigests.Email(themeLabel: "Santé\r\nBcc: victim@example.org");

        var message = Reparse(MimeEmail.Create(email));

        message.Headers.Contains("Bcc").ShouldBeFalse();
        message.Subject.ShouldNotBeNull().ShouldContain("Santé Bcc: victim@example.org");
        message.Headers.Select(h => h.Field).ShouldBe(
            ["From", "Date", "Subject", "Message-Id", "To", "List-Unsubscribe", "List-Unsubscribe-Post", "MIME-Version"],
            ignoreOrder: true);
    }

    private static string Write(MimeMessage message)
    {
        using var stream = new MemoryStream();
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos; // as on the wire
        message.WriteTo(options, stream);
        return Encoding.ASCII.GetString(stream.ToArray());
    }

    private static MimeMessage Reparse(MimeMessage message)
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes(Write(message)));
        return MimeMessage.Load(stream);
    }
}
