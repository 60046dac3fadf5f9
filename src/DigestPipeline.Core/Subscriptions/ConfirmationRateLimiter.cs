using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>
/// The sign-up limits, in a sliding hour: <see cref="SubscriptionOptions.ConfirmationsPerClientPerHour"/> requests per
/// client and <see cref="SubscriptionOptions.ConfirmationsPerAddressPerHour"/> emails per address, counted in the
/// <see cref="IConfirmationCounter"/> all hosts share (Azure Functions scale out to several instances). Addresses are
/// counted by <see cref="Subscriber.IdFor"/>.
/// </summary>
public sealed class ConfirmationRateLimiter(IConfirmationCounter counter, IOptions<SubscriptionOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Counts one sign-up request from <paramref name="clientKey"/>; false when the client is over its limit.</summary>
    public Task<bool> TryClientAsync(string clientKey, CancellationToken cancellationToken) =>
        TryCountAsync("client:" + clientKey, options.Value.ConfirmationsPerClientPerHour, cancellationToken);

    /// <summary>Counts one email to <paramref name="subscriberId"/>; false when the address is over its limit.</summary>
    public Task<bool> TryAddressAsync(string subscriberId, CancellationToken cancellationToken) =>
        TryCountAsync("address:" + subscriberId, options.Value.ConfirmationsPerAddressPerHour, cancellationToken);

    private Task<bool> TryCountAsync(string key, int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return counter.TryCountAsync(key, limit, now - Window, now, cancellationToken);
    }
}
