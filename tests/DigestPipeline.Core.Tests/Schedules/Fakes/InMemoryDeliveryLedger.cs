using System.Globalization;
using System.Runtime.CompilerServices;
using DigestPipeline.Core.Digests;

namespace DigestPipeline.Core.Tests.Schedules.Fakes;

/// <summary>The Deliveries table in memory: create-only claims, take-over by ETag, a delivery and its progress stored together.</summary>
internal sealed class InMemoryDeliveryLedger : IDeliveryLedger
{
    private readonly Dictionary<string, Delivery> _rows = [];
    private readonly Dictionary<string, DeliveryProgress> _progress = [];
    private int _version;

    public IReadOnlyCollection<Delivery> Rows => _rows.Values;

    /// <summary>While set, completing or releasing a delivery fails as a storage outage would.</summary>
    public bool Unreachable { get; set; }

    /// <summary>Makes the next completion fail, as a crash right before it would.</summary>
    public bool FailNextCompletion { get; set; }

    public Task<DeliveryProgress> GetProgressAsync(string subscriberId, CancellationToken cancellationToken) =>
        Task.FromResult(_progress.GetValueOrDefault(subscriberId) ?? new DeliveryProgress(subscriberId));

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

    public Task ReleaseAsync(Delivery released, CancellationToken cancellationToken)
    {
        if (Unreachable)
            throw new IOException("Connection refused (storage unreachable)");
        _rows[released.Id] = released with { ETag = NextETag() };
        return Task.CompletedTask;
    }

    public async Task<DeliveryProgress> CompleteAsync(DeliveryOutcome outcome, DeliveryProgress? lastRead, CancellationToken cancellationToken)
    {
        if (Unreachable)
            throw new IOException("Connection refused (storage unreachable)");
        if (FailNextCompletion)
        {
            FailNextCompletion = false;
            throw new IOException("Simulated crash before the ledger recorded the delivery.");
        }

        var progress = outcome.Progress(await GetProgressAsync(outcome.Delivery.SubscriberId, cancellationToken)) with { ETag = NextETag() };
        _rows[outcome.Delivery.Id] = outcome.Delivery with { ETag = NextETag() };
        _progress[progress.SubscriberId] = progress;
        return progress;
    }

    public async IAsyncEnumerable<Delivery> ListRecentAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var delivery in _rows.Values.OrderByDescending(d => d.ClaimedAt).Take(count).ToList())
            yield return delivery;
    }

    public async IAsyncEnumerable<Delivery> ListForSubscriberAsync(string subscriberId, int count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var delivery in _rows.Values.Where(d => d.SubscriberId == subscriberId).OrderByDescending(d => d.Period).Take(count).ToList())
            yield return delivery;
    }

    public async Task<DeliveryHistory> ReadAsync(string subscriberId, DateTimeOffset period, CancellationToken cancellationToken) =>
        new(await GetProgressAsync(subscriberId, cancellationToken),
            _rows.Values.Where(d => d.SubscriberId == subscriberId && d.Period < period && d.State == DeliveryState.Claimed).ToList());

    private string NextETag() => (++_version).ToString(CultureInfo.InvariantCulture);
}
