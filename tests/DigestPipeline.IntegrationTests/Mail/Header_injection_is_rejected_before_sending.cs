using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.Mail;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Mail;

[Collection(MaildevCollection.Name)]
public sealed class Header_injection_is_rejected_before_sending(MaildevFixture maildev)
{
    public static TheoryData<string, EmailMessage> Injected()
    {
        var id = $"{Guid.NewGuid():N}@digestpipeline.test";
        var good = TestDigests.Email(id);
        return new TheoryData<string, EmailMessage>
        {
            { "subject CRLF", good with { Subject = "Votre digest\r\nBcc: victim@example.org" } },
            { "subject LF", good with { Subject = "Votre digest\nBcc: victim@example.org" } },
            { "subject CR", good with { Subject = "Votre digest\rBcc: victim@example.org" } },
            { "to name", good with { To = new EmailAddress("marie@example.org", "Marie\r\nBcc: victim@example.org") } },
            { "from name", good with { From = new EmailAddress("digest@digestpipeline.localhost", "Digest\nBcc: victim@example.org") } },
            { "to address", good with { To = new EmailAddress("marie@example.org\r\nBcc: victim@example.org", "Marie") } },
            { "extra header value", good with { Headers = new Dictionary<string, string> { ["X-Digest-Theme"] = "sante\r\nBcc: victim@example.org" } } },
            { "unsubscribe url CRLF", good with { UnsubscribeUrl = good.UnsubscribeUrl + "\r\nBcc: victim@example.org" } },
            { "unsubscribe url LF", good with { UnsubscribeUrl = good.UnsubscribeUrl + "\nBcc: victim@example.org" } },
            { "unsubscribe url bracket", good with { UnsubscribeUrl = good.UnsubscribeUrl + ">, <mailto:victim@example.org" } },
            { "unsubscribe url relative", good with { UnsubscribeUrl = "/unsubscribe?token=abc" } },
            { "unsubscribe url scheme", good with { UnsubscribeUrl = "javascript:alert(1)" } },
            { "unsubscribe url empty", good with { UnsubscribeUrl = "" } },
            { "list-unsubscribe as extra header", good with { Headers = new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://evil.example/>" } } },
            { "extra header name", good with { Headers = new Dictionary<string, string> { ["X-A\r\nBcc"] = "victim@example.org" } } },
            { "reserved extra header", good with { Headers = new Dictionary<string, string> { ["Bcc"] = "victim@example.org" } } },
            { "message id", good with { MessageId = "abc@x\r\nBcc: victim@example.org" } },
        };
    }

    [Theory]
    [MemberData(nameof(Injected))]
    public async Task Smtp_sender_throws_and_sends_nothing(string _, EmailMessage email)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sender = TestDigests.SmtpSender(maildev);

        await Should.ThrowAsync<ArgumentException>(() => sender.SendAsync(email, ct));

        sender.ConnectionsOpened.ShouldBe(0);
        sender.MessagesSent.ShouldBe(0);
        await Task.Delay(200, ct);
        (await maildev.GetEmailsAsync(ct)).ShouldNotContain(m =>
            m.Subject != null && m.Subject.Contains("victim", StringComparison.Ordinal)
            || (m.Header("bcc") ?? "").Length > 0
            || TestDigests.Bare(m.MessageId) == email.MessageId);
    }

    [Theory]
    [MemberData(nameof(Injected))]
    public void Message_factory_rejects_it(string _, EmailMessage email) =>
        Should.Throw<ArgumentException>(() => MimeEmail.Create(email));
}
