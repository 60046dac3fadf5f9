using System.Runtime.CompilerServices;
using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Benchmarks.Planning;

/// <summary>A Subscribers table in memory, to measure the planner's own cost apart from storage.</summary>
internal sealed class InMemorySubscribers : ISubscriberStore
{
    private readonly Dictionary<string, Subscriber> _rows = [];

    public Task UpsertAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        _rows[subscriber.Id] = subscriber;
        return Task.CompletedTask;
    }

    public Task<Subscriber?> GetAsync(string subscriberId, CancellationToken cancellationToken) => Task.FromResult(_rows.GetValueOrDefault(subscriberId));

    public async IAsyncEnumerable<Subscriber> ListActiveAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var subscriber in _rows.Values)
        {
            if (subscriber.State == SubscriberState.Active)
                yield return subscriber;
        }
    }

    public Task MarkPlannedAsync(string subscriberId, DateTimeOffset period, CancellationToken cancellationToken)
    {
        var row = _rows[subscriberId];
        if (!(row.LastPlannedPeriod >= period))
            _rows[subscriberId] = row with { LastPlannedPeriod = period };
        return Task.CompletedTask;
    }

    public Task MarkDeliveredAsync(string subscriberId, DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        var row = _rows[subscriberId];
        if (!(row.LastDigestUpTo >= upTo))
            _rows[subscriberId] = row with { LastDigestUpTo = upTo };
        return Task.CompletedTask;
    }
}
