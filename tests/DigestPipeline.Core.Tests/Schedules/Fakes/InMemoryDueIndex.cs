using System.Runtime.CompilerServices;
using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Core.Tests.Schedules.Fakes;

/// <summary>
/// The DigestsDue table in memory, with the adapter's rules: one entry per (minute, subscriber), a claim only of
/// entries unchanged since they were read (all of a minute's group or none), removal that tolerates a missing entry.
/// </summary>
internal sealed class InMemoryDueIndex : IDueIndex
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<(DateTimeOffset Minute, string Subscriber), DueEntry> _rows = [];
    private long _version;

    /// <summary>Every entry, oldest first.</summary>
    public IReadOnlyList<DueEntry> Entries
    {
        get
        {
            lock (_lock)
                return _rows.Values.ToList();
        }
    }

    public Task PlaceAsync(IReadOnlyCollection<DueEntry> entries, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var entry in entries)
                _rows[Key(entry)] = entry with { PlannedAt = null, ETag = NextVersion() };
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<DueEntry> ReadDueAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var entry in Entries.Where(e => e.Due <= now))
            yield return entry;
    }

    public Task<IReadOnlyList<DueEntry>> ClaimAsync(IReadOnlyList<DueEntry> entries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimed = new List<DueEntry>();
        lock (_lock)
        {
            foreach (var group in entries.GroupBy(e => Key(e).Minute))
            {
                if (!group.All(e => _rows.TryGetValue(Key(e), out var stored) && stored.ETag == e.ETag))
                    continue;
                foreach (var entry in group)
                    claimed.Add(_rows[Key(entry)] = entry with { PlannedAt = now, ETag = NextVersion() });
            }
        }

        return Task.FromResult<IReadOnlyList<DueEntry>>(claimed);
    }

    public Task RemoveAsync(IReadOnlyCollection<DueEntry> entries, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var entry in entries)
                _rows.Remove(Key(entry));
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<DueEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var entry in Entries)
            yield return entry;
    }

    /// <summary>Takes a subscriber out of the index, as a lost write would.</summary>
    public void Forget(string subscriberId)
    {
        lock (_lock)
        {
            foreach (var key in _rows.Keys.Where(k => k.Subscriber == subscriberId).ToList())
                _rows.Remove(key);
        }
    }

    private static (DateTimeOffset Minute, string Subscriber) Key(DueEntry entry) =>
        (new DateTimeOffset(entry.Due.UtcTicks - entry.Due.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero), entry.SubscriberId);

    private string NextVersion() => (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
