using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Mail;

[Collection(MaildevCollection.Name)]
public sealed class Smtp_pool_reuses_its_connections(MaildevFixture maildev)
{
    [Fact]
    public async Task Twenty_digests_through_a_pool_of_two_all_arrive_over_at_most_two_connections()
    {
        var ct = TestContext.Current.CancellationToken;
        var emails = Enumerable.Range(0, 20).Select(_ => TestDigests.Email()).ToList();
        var ids = emails.Select(e => e.MessageId).ToHashSet();
        await using var sender = TestDigests.SmtpSender(maildev, maxConnections: 2);

        await Task.WhenAll(emails.Select(email => sender.SendAsync(email, ct)));

        var arrived = await maildev.WaitForEmailsAsync(m => ids.Contains(TestDigests.Bare(m.MessageId)), 20, cancellationToken: ct);
        arrived.Select(m => TestDigests.Bare(m.MessageId)).ShouldBe(ids, ignoreOrder: true);
        sender.MessagesSent.ShouldBe(20);
        sender.ConnectionsOpened.ShouldBeInRange(1, 2);
    }

    [Fact]
    public async Task Sequential_sends_use_one_connection()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sender = TestDigests.SmtpSender(maildev, maxConnections: 4);

        for (var i = 0; i < 5; i++)
        {
            await sender.SendAsync(TestDigests.Email(), ct);
        }

        sender.ConnectionsOpened.ShouldBe(1);
    }
}
