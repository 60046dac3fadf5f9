using System.Globalization;
using System.Runtime.CompilerServices;
using DigestPipeline.Core.Digests;

namespace DigestPipeline.Core.Tests.Schedules.Fakes;

/// <summary>The Deliveries table in memory: create-only claims, take-over by ETag.</summary>
internal sealed class InMemoryDeliveryLedger : IDeliveryLedger
{
    private readonly Dictionary<string, Delivery> _rows = [];
    private int _version;

    public IReadOnlyCollection<Delivery> Rows => _rows.Values;

    /// <summary>While set, completing a delivery fails as a storage outage would.</summary>
    public bool Unreachable { get; set; }

    public Task<DeliveryClaimResult> ClaimAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        if (_rows.TryGetValue(delivery.Id, out var existing))
            return Task.FromResult(new DeliveryClaimResult(false, existing));
        var claimed = delivery with { State = DeliveryState.Claimed, ETag = NextETag() };
        _rows[delivery.Id] = claimed;
        return Task.FromResult(new DeliveryClaimResult(true, claimed));
    }

    public Task<bool> TakeOverAsync(Delivery stale, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_rows[stale.Id].ETag != stale.ETag)
            return Task.FromResult(false);
        _rows[stale.Id] = stale with { State = DeliveryState.Claimed, ClaimedAt = now, ETag = NextETag() };
        return Task.FromResult(true);
    }

    public Task CompleteAsync(Delivery delivery, DeliveryState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Unreachable)
            throw new IOException("Connection refused (storage unreachable)");
        _rows[delivery.Id] = delivery with { State = state, CompletedAt = now, ETag = NextETag() };
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<Delivery> ListRecentAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var delivery in _rows.Values.OrderByDescending(d => d.ClaimedAt).Take(count).ToList())
            yield return delivery;
    }

    public async IAsyncEnumerable<Delivery> ListClaimedBeforeAsync(
        string subscriberId, DateTimeOffset period, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var delivery in _rows.Values.Where(d => d.SubscriberId == subscriberId && d.Period < period && d.State == DeliveryState.Claimed).ToList())
            yield return delivery;
    }

    private string NextETag() => (++_version).ToString(CultureInfo.InvariantCulture);
}
