using System.Diagnostics;
using System.Threading.RateLimiting;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Mail;

public sealed class Smtp_rate_limit_holds_messages_back : IAsyncDisposable
{
    private readonly ScriptedSmtpPeer _peer = ScriptedSmtpPeer.Start();

    public ValueTask DisposeAsync() => _peer.DisposeAsync();

    [Fact]
    public async Task No_message_reaches_the_server_without_a_permit()
    {
        var ct = TestContext.Current.CancellationToken;
        // Replenished by hand: what passes depends on permits only, never on how fast this machine is. (A manual
        // replenishment still needs one period since the last, hence the short period.)
        var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 3, TokensPerPeriod = 3, ReplenishmentPeriod = TimeSpan.FromMilliseconds(1),
            QueueLimit = 100, AutoReplenishment = false,
        });
        await using var sender = PeerSenders.Sender(PeerSenders.Options(_peer, maxConnections: 4), limiter);

        var sends = Enumerable.Range(0, 9).Select(_ => sender.SendAsync(TestDigests.Email(), ct)).ToList();

        await EventuallyAsync(() => _peer.Messages.Count == 3 && limiter.GetStatistics()!.CurrentQueuedCount == 6, ct,
            () => $"{_peer.Messages.Count} {limiter.GetStatistics()!.CurrentQueuedCount} {sender.MessagesSent} {_peer.ConnectionsAccepted} {string.Join(",", sends.Select(s => s.Status))}");
        _peer.Messages.Count.ShouldBe(3);
        limiter.TryReplenish().ShouldBeTrue();
        await EventuallyAsync(() => _peer.Messages.Count == 6 && limiter.GetStatistics()!.CurrentQueuedCount == 3, ct,
            () => $"{_peer.Messages.Count} {limiter.GetStatistics()!.CurrentQueuedCount} {sender.MessagesSent} {_peer.ConnectionsAccepted} {string.Join(",", sends.Select(s => s.Status))}");
        _peer.Messages.Count.ShouldBe(6);
        limiter.TryReplenish().ShouldBeTrue();
        await Task.WhenAll(sends);

        _peer.Messages.Count.ShouldBe(9);
        limiter.GetStatistics()!.TotalSuccessfulLeases.ShouldBe(9);
    }

    [Fact]
    public async Task The_configured_rate_spreads_messages_over_time()
    {
        var ct = TestContext.Current.CancellationToken;
        // 10/s: one token every 100 ms, at most one held; 20 messages need at least 19 refills, 1.9 s.
        await using var sender = PeerSenders.Sender(PeerSenders.Options(_peer, maxConnections: 4, maxMessagesPerSecond: 10));
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => sender.SendAsync(TestDigests.Email(), ct)));

        // Lower bounds on time only: a slow machine spreads the messages more, never less. Without the limit all
        // 20 arrive within a fraction of a second.
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(1.5));
        var times = _peer.Messages.Select(m => m.ReceivedAtUtc).Order().ToList();
        times.Count.ShouldBe(20);
        // At most the rate plus half in any one-second window: the tolerance absorbs a first connection that
        // took longer to open and so delivered late, next to the messages behind it.
        foreach (var start in times)
            times.Count(t => t >= start && t < start.AddSeconds(1)).ShouldBeLessThanOrEqualTo(15);
    }

    private static async Task EventuallyAsync(Func<bool> condition, CancellationToken ct, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The condition did not hold within 10 s. " + state?.Invoke());
            await Task.Delay(10, ct);
        }
    }
}
