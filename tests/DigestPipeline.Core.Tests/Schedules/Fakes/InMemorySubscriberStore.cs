using System.Runtime.CompilerServices;
using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Core.Tests.Schedules.Fakes;

/// <summary>The Subscribers table in memory, with the adapter's rule: the planning mark never moves backwards.</summary>
internal sealed class InMemorySubscriberStore : ISubscriberStore
{
    private readonly Dictionary<string, Subscriber> _rows = [];

    public Task UpsertAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        if (_rows.TryGetValue(subscriber.Id, out var stored))
            subscriber = subscriber with { LastPlannedPeriod = Later(stored.LastPlannedPeriod, subscriber.LastPlannedPeriod) };
        _rows[subscriber.Id] = subscriber;
        return Task.CompletedTask;
    }

    public Task<Subscriber?> GetAsync(string subscriberId, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.GetValueOrDefault(subscriberId));

    public async IAsyncEnumerable<Subscriber> ListActiveAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var subscriber in _rows.Values.Where(s => s.State == SubscriberState.Active).ToList())
            yield return subscriber;
    }

    public Task MarkPlannedAsync(string subscriberId, DateTimeOffset period, CancellationToken cancellationToken)
    {
        var row = _rows[subscriberId];
        _rows[subscriberId] = row with { LastPlannedPeriod = Later(row.LastPlannedPeriod, period) };
        return Task.CompletedTask;
    }

    public Task<Subscriber?> ChangeSettingsAsync(
        string subscriberId, Func<Subscriber, Subscriber?> change, CancellationToken cancellationToken)
    {
        if (!_rows.TryGetValue(subscriberId, out var stored))
            return Task.FromResult<Subscriber?>(null);
        if (change(stored) is { } changed)
        {
            _rows[subscriberId] = stored = stored with
            {
                State = changed.State, DisplayName = changed.DisplayName, Themes = changed.Themes, Language = changed.Language, Schedule = changed.Schedule, TimeZone = changed.TimeZone,
            };
        }

        return Task.FromResult<Subscriber?>(stored);
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;
}
