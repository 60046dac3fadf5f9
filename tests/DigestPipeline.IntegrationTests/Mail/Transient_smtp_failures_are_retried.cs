using DigestPipeline.IntegrationTests.Infrastructure;
using MailKit.Net.Smtp;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Mail;

public sealed class Transient_smtp_failures_are_retried : IAsyncDisposable
{
    private readonly ScriptedSmtpPeer _peer = ScriptedSmtpPeer.Start();

    public ValueTask DisposeAsync() => _peer.DisposeAsync();

    [Fact]
    public async Task A_451_twice_then_success_delivers_one_message_on_the_same_connection()
    {
        var ct = TestContext.Current.CancellationToken;
        _peer.FailNext(SmtpStage.EndOfData, "451 4.3.0 local error, try later", times: 2);
        var email = TestDigests.Email();
        await using var sender = PeerSenders.Sender(PeerSenders.Options(_peer));

        await sender.SendAsync(email, ct);

        _peer.Messages.ShouldHaveSingleItem().MessageId.ShouldBe(email.MessageId);
        _peer.TransactionsStarted.ShouldBe(3);
        sender.Retries.ShouldBe(2);
        sender.MessagesSent.ShouldBe(1);
        // A 451 refuses the message, not the connection: MailKit resets the transaction and the pool keeps it.
        _peer.ConnectionsAccepted.ShouldBe(1);
    }

    [Fact]
    public async Task A_connection_dropped_mid_session_is_retried_on_a_new_connection()
    {
        var ct = TestContext.Current.CancellationToken;
        _peer.DropNext(SmtpStage.Data);
        var email = TestDigests.Email();
        await using var sender = PeerSenders.Sender(PeerSenders.Options(_peer));

        await sender.SendAsync(email, ct);

        var delivered = _peer.Messages.ShouldHaveSingleItem();
        delivered.MessageId.ShouldBe(email.MessageId);
        delivered.Connection.ShouldBe(2);
        _peer.ConnectionsAccepted.ShouldBe(2);
        sender.Retries.ShouldBe(1);
    }

    [Fact]
    public async Task A_421_closes_the_connection_and_the_retry_opens_another()
    {
        var ct = TestContext.Current.CancellationToken;
        _peer.FailNext(SmtpStage.MailFrom, "421 4.3.2 service shutting down");
        var email = TestDigests.Email();
        await using var sender = PeerSenders.Sender(PeerSenders.Options(_peer));

        await sender.SendAsync(email, ct);

        _peer.Messages.ShouldHaveSingleItem().Connection.ShouldBe(2);
        sender.ConnectionsOpened.ShouldBe(2);
    }

    [Fact]
    public async Task After_the_last_attempt_the_error_propagates_and_nothing_is_delivered()
    {
        var ct = TestContext.Current.CancellationToken;
        _peer.FailNext(SmtpStage.RcptTo, "450 4.2.1 mailbox busy", times: 10);
        await using var sender = PeerSenders.Sender(PeerSenders.Options(_peer, maxAttempts: 4));

        var error = await Should.ThrowAsync<SmtpCommandException>(() => sender.SendAsync(TestDigests.Email(), ct));

        ((int)error.StatusCode).ShouldBe(450);
        _peer.TransactionsStarted.ShouldBe(4);
        sender.Retries.ShouldBe(3);
        _peer.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_server_that_greets_with_421_is_retried_too()
    {
        var ct = TestContext.Current.CancellationToken;
        _peer.FailNext(SmtpStage.Greeting, "421 4.7.0 too many connections");
        await using var sender = PeerSenders.Sender(PeerSenders.Options(_peer));

        await sender.SendAsync(TestDigests.Email(), ct);

        _peer.Messages.Count.ShouldBe(1);
        _peer.ConnectionsAccepted.ShouldBe(2);
    }
}
