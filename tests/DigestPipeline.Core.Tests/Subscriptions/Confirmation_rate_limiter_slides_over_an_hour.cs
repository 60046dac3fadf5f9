using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Subscriptions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Subscriptions;

public sealed class Confirmation_rate_limiter_slides_over_an_hour
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly ConfirmationRateLimiter _limiter;

    public Confirmation_rate_limiter_slides_over_an_hour() =>
        _limiter = new ConfirmationRateLimiter(Options.Create(new SubscriptionOptions { ConfirmationsPerAddressPerHour = 3, ConfirmationsPerClientPerHour = 10 }), _time);

    [Fact]
    public void An_address_is_over_its_limit_after_three_sends_until_the_first_is_an_hour_old()
    {
        for (var i = 0; i < 3; i++)
        {
            _limiter.AddressIsOverLimit("a").ShouldBeFalse();
            _limiter.RecordSend("a", "client-" + i);
            _time.Advance(TimeSpan.FromMinutes(10));
        }

        _limiter.AddressIsOverLimit("a").ShouldBeTrue();
        _limiter.AddressIsOverLimit("b").ShouldBeFalse();
        _time.Advance(TimeSpan.FromMinutes(29));
        _limiter.AddressIsOverLimit("a").ShouldBeTrue();
        _time.Advance(TimeSpan.FromMinutes(1));
        _limiter.AddressIsOverLimit("a").ShouldBeFalse();
    }

    [Fact]
    public void A_client_is_over_its_limit_after_ten_sends_to_any_addresses()
    {
        for (var i = 0; i < 10; i++)
        {
            _limiter.ClientIsOverLimit("10.0.0.1").ShouldBeFalse();
            _limiter.RecordSend("address-" + i, "10.0.0.1");
        }

        _limiter.ClientIsOverLimit("10.0.0.1").ShouldBeTrue();
        _limiter.ClientIsOverLimit("10.0.0.2").ShouldBeFalse();
        _time.Advance(TimeSpan.FromHours(1));
        _limiter.ClientIsOverLimit("10.0.0.1").ShouldBeFalse();
    }
}
