using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Mail;

public sealed class Recipient_rejection_is_not_retried : IAsyncDisposable
{
    private readonly ScriptedSmtpPeer _peer = ScriptedSmtpPeer.Start();

    public ValueTask DisposeAsync() => _peer.DisposeAsync();

    [Fact]
    public async Task A_550_on_the_recipient_is_a_bounce_at_once_and_the_connection_is_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = TestDigests.Email();
        _peer.RejectRecipient(email.To.Address);
        await using var sender = PeerSenders.Sender(PeerSenders.Options(_peer, maxAttempts: 5));

        var error = await Should.ThrowAsync<RecipientRejectedException>(() => sender.SendAsync(email, ct));

        error.StatusCode.ShouldBe(550);
        _peer.TransactionsStarted.ShouldBe(1);
        sender.Retries.ShouldBe(0);

        _peer.AcceptRecipient(email.To.Address);
        await sender.SendAsync(TestDigests.Email(), ct);
        _peer.Messages.Count.ShouldBe(1);
        sender.ConnectionsOpened.ShouldBe(1);
    }

    [Fact]
    public async Task A_550_on_the_message_itself_propagates_unchanged_without_retry()
    {
        var ct = TestContext.Current.CancellationToken;
        _peer.FailNext(SmtpStage.EndOfData, "554 5.7.1 message refused");
        await using var sender = PeerSenders.Sender(PeerSenders.Options(_peer, maxAttempts: 5));

        var error = await Should.ThrowAsync<MailKit.Net.Smtp.SmtpCommandException>(() => sender.SendAsync(TestDigests.Email(), ct));

        ((int)error.StatusCode).ShouldBe(554);
        _peer.TransactionsStarted.ShouldBe(1);
    }
}
