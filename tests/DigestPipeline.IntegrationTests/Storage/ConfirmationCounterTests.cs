using Azure.Data.Tables;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Subscriptions;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Storage;

/// <summary>The sign-up limits on the shared table, as every host counts them.</summary>
public sealed class ConfirmationCounterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private ServiceProvider? _services;

    private IConfirmationCounter Counter => _services!.GetRequiredService<IConfirmationCounter>();

    public async ValueTask InitializeAsync()
    {
        _services = azurite.BuildServices();
        await _services.GetRequiredService<StorageInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _services!.DisposeAsync();

    /// <summary>A host's limiter: each has its own counter client, as separate Function instances do.</summary>
    private ConfirmationRateLimiter Limiter() => new(
        new TableConfirmationCounter(new TableServiceClient(azurite.ConnectionString)),
        Options.Create(new SubscriptionOptions { ConfirmationsPerAddressPerHour = 3, ConfirmationsPerClientPerHour = 10 }),
        _time);

    [Fact]
    public async Task An_address_gets_three_emails_until_the_first_is_an_hour_old_whichever_host_counts()
    {
        var ct = TestContext.Current.CancellationToken;
        ConfirmationRateLimiter[] hosts = [Limiter(), Limiter(), Limiter()];
        for (var i = 0; i < 3; i++)
        {
            (await hosts[i].TryAddressAsync("address-a", ct)).ShouldBeTrue();
            _time.Advance(TimeSpan.FromMinutes(10));
        }

        (await hosts[0].TryAddressAsync("address-a", ct)).ShouldBeFalse();
        (await hosts[1].TryAddressAsync("address-b", ct)).ShouldBeTrue();
        _time.Advance(TimeSpan.FromMinutes(29));
        (await hosts[2].TryAddressAsync("address-a", ct)).ShouldBeFalse();
        _time.Advance(TimeSpan.FromMinutes(1));
        (await hosts[1].TryAddressAsync("address-a", ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_client_gets_ten_sign_ups_an_hour()
    {
        var ct = TestContext.Current.CancellationToken;
        var limiter = Limiter();
        for (var i = 0; i < 10; i++)
            (await limiter.TryClientAsync("10.0.0.1", ct)).ShouldBeTrue();

        (await limiter.TryClientAsync("10.0.0.1", ct)).ShouldBeFalse();
        (await limiter.TryClientAsync("10.0.0.2", ct)).ShouldBeTrue();
        _time.Advance(ConfirmationRateLimiter.Window);
        (await limiter.TryClientAsync("10.0.0.1", ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task Forty_hosts_counting_one_key_at_once_pass_the_limit_exactly()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = _time.GetUtcNow();
        var counters = Enumerable.Range(0, 40).Select(_ => new TableConfirmationCounter(new TableServiceClient(azurite.ConnectionString))).ToList();

        var counted = await Task.WhenAll(counters.Select(counter => counter.TryCountAsync("address:burst", 3, now.AddHours(-1), now, ct)));

        counted.Count(c => c).ShouldBe(3);
    }

    [Fact]
    public async Task The_table_holds_no_key_in_clear()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = _time.GetUtcNow();
        var address = "address:" + Subscriber.IdFor("someone@example.org");
        await Counter.TryCountAsync("client:192.0.2.44", 10, now.AddHours(-1), now, ct);
        await Counter.TryCountAsync(address, 3, now.AddHours(-1), now, ct);

        var rows = new TableServiceClient(azurite.ConnectionString).GetTableClient(StorageNames.ConfirmationLimitsTable).QueryAsync<TableEntity>(cancellationToken: ct);
        var count = 0;
        await foreach (var row in rows)
        {
            var stored = string.Join('|', row.Select(p => $"{p.Key}={p.Value}"));
            stored.ShouldNotContain("192.0.2.44");
            stored.ShouldNotContain(Subscriber.IdFor("someone@example.org"));
            count++;
        }

        count.ShouldBeGreaterThanOrEqualTo(2, "the two keys counted here, and those of the other tests of this class");
    }
}
