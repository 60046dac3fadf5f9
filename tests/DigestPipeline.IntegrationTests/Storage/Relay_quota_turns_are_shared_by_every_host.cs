using Azure.Data.Tables;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Storage;

/// <summary>
/// The relay quota's turns on the shared RelayQuota table (Azurite), taken at once by three "hosts" (each with its
/// own table client, as separate Function instances have), on a fake clock that stands still: the turns granted are
/// exactly one spacing apart, none is granted twice, and none beyond the longest wait; the others are deferred to
/// when their turn will be near.
/// </summary>
public sealed class Relay_quota_turns_are_shared_by_every_host(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private ServiceProvider? _services;

    public async ValueTask InitializeAsync()
    {
        _services = azurite.BuildServices();
        await _services.GetRequiredService<StorageInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _services!.DisposeAsync();

    [Fact]
    public async Task Thirty_senders_at_once_get_ten_distinct_turns_a_spacing_apart_and_the_rest_are_deferred()
    {
        var ct = TestContext.Current.CancellationToken;
        var hosts = Enumerable.Range(0, 3).Select(_ => new TableRelayQuota(new TableServiceClient(azurite.ConnectionString), _time)).ToList();

        // 60 per minute: a turn every 62/60 s; at most 10 s of waiting, so ten turns, at +0 s … +9.3 s.
        var attempts = Enumerable.Range(0, 30)
            .Select(i => Attempt(hosts[i % hosts.Count], ct))
            .ToList();
        // 20 are deferred and the turn at +0 s needs no wait: 21 settle while the clock stands still. The other nine
        // wait for their turns on the fake clock, which then moves on a second at a time until all have come.
        await AzuriteEventually.UntilAsync(() => Task.FromResult(attempts.Count(a => a.IsCompleted) >= 21),
            "every attempt taken or deferred", TimeSpan.FromSeconds(60));
        for (var step = 0; step < 600 && !attempts.All(a => a.IsCompleted); step++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
        }

        var outcomes = await Task.WhenAll(attempts);

        var granted = outcomes.Where(o => o.Turn is not null).Select(o => o.Turn!.Value).Order().ToList();
        var spacing = TableRelayQuota.Spacing(60);
        spacing.ShouldBe(TimeSpan.FromSeconds(62.0 / 60));
        granted.ShouldBe(Enumerable.Range(0, 10).Select(i => Start + i * spacing).ToList());
        var deferred = outcomes.Where(o => o.RetryAt is not null).Select(o => o.RetryAt!.Value).ToList();
        deferred.Count.ShouldBe(20);
        deferred.ShouldAllBe(at => at == Start + 10 * spacing - TimeSpan.FromSeconds(10), "the next free turn less the longest wait");
    }

    private static async Task<(DateTimeOffset? Turn, DateTimeOffset? RetryAt)> Attempt(IRelayQuota quota, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            return (await quota.WaitForTurnAsync(60, TimeSpan.FromSeconds(10), ct), null);
        }
        catch (RelayQuotaDeferredException deferred)
        {
            return (null, deferred.RetryAt);
        }
    }
}
