using System.Runtime.CompilerServices;
using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Core.Tests.Schedules.Fakes;

/// <summary>
/// The Subscribers table in memory, with the adapter's rule: a write that makes a subscriber due on a new schedule
/// places them in the due index (when one is given) at its next occurrence on <paramref name="clock"/>.
/// </summary>
internal sealed class InMemorySubscriberStore(IDueIndex? due = null, TimeProvider? clock = null) : ISubscriberStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Subscriber> _rows = [];

    public Task UpsertAsync(Subscriber subscriber, CancellationToken cancellationToken) =>
        WriteAsync(subscriber.Id, _ => subscriber);

    public Task<Subscriber?> GetAsync(string subscriberId, CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult(_rows.GetValueOrDefault(subscriberId));
    }

    public async IAsyncEnumerable<Subscriber> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        List<Subscriber> all;
        lock (_lock)
            all = _rows.Values.ToList();
        foreach (var subscriber in all)
            yield return subscriber;
    }

    public async IAsyncEnumerable<Subscriber> ListActiveAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        List<Subscriber> active;
        lock (_lock)
            active = _rows.Values.Where(s => s.State == SubscriberState.Active).ToList();
        foreach (var subscriber in active)
            yield return subscriber;
    }

    public async Task<Subscriber?> ChangeSettingsAsync(
        string subscriberId, Func<Subscriber, Subscriber?> change, CancellationToken cancellationToken)
    {
        await WriteAsync(subscriberId, stored => stored is not null && change(stored) is { } changed
            ? stored with
            {
                State = changed.State, DisplayName = changed.DisplayName, Themes = changed.Themes, Language = changed.Language, AlsoReads = changed.AlsoReads, Schedule = changed.Schedule, TimeZone = changed.TimeZone,
            }
            : null);
        return await GetAsync(subscriberId, cancellationToken);
    }

    private async Task WriteAsync(string subscriberId, Func<Subscriber?, Subscriber?> change)
    {
        Subscriber? before, after;
        lock (_lock)
        {
            before = _rows.GetValueOrDefault(subscriberId);
            after = change(before);
            if (after is null)
                return;
            _rows[subscriberId] = after;
        }

        if (due is not null && DueEntry.Moves(before, after) && DueEntry.After(after, (clock ?? TimeProvider.System).GetUtcNow()) is { } entry)
            await due.PlaceAsync([entry], CancellationToken.None);
    }
}
