using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Mail;

[Collection(MaildevCollection.Name)]
public sealed class Smtp_sender_delivers_a_digest_once(MaildevFixture maildev)
{
    [Fact]
    public async Task Digest_arrives_once_with_text_and_html_parts_its_message_id_and_subject()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = TestDigests.Email();
        await using var sender = TestDigests.SmtpSender(maildev);

        await sender.SendAsync(email, ct);

        var arrived = await maildev.WaitForEmailsAsync(m => TestDigests.Bare(m.MessageId) == email.MessageId, 1, cancellationToken: ct);
        await Task.Delay(300, ct);
        arrived = (await maildev.GetEmailsAsync(ct)).Where(m => TestDigests.Bare(m.MessageId) == email.MessageId).ToList();

        var mail = arrived.ShouldHaveSingleItem();
        mail.Subject.ShouldBe(email.Subject);
        mail.Subject.ShouldBe("Votre digest : Santé (1 nouveauté)");
        mail.From.ShouldNotBeNull().ShouldHaveSingleItem().ShouldBe(new MaildevAddress("digest@digestpipeline.localhost", "DigestPipeline"));
        mail.To.ShouldNotBeNull().ShouldHaveSingleItem().ShouldBe(new MaildevAddress("marie@example.org", "Marie Curie"));
        mail.Header("content-type").ShouldNotBeNull().ShouldStartWith("multipart/alternative");
        mail.Header("list-unsubscribe-post").ShouldBe("List-Unsubscribe=One-Click");
        mail.Header("list-unsubscribe").ShouldBe($"<{email.UnsubscribeUrl}>");
        email.UnsubscribeUrl.ShouldStartWith("https://digest.example.test/unsubscribe?token=");
        mail.Text.ShouldNotBeNull().ShouldContain("L’IA à l’hôpital <b>&</b>");
        mail.Html.ShouldNotBeNull().ShouldContain("L’IA à l’hôpital &lt;b&gt;&amp;&lt;/b&gt;");
        sender.ConnectionsOpened.ShouldBe(1);
    }
}
