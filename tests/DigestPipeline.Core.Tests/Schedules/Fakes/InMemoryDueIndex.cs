using System.Runtime.CompilerServices;
using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Core.Tests.Schedules.Fakes;

/// <summary>
/// The DigestsDue table in memory, with the adapter's rules: a bundle per (minute, subscribers) of at most
/// <see cref="IDueIndex.BundleLimit"/> entries, a claim only of bundles unchanged since they were read (all of a
/// minute's group or none), removal that tolerates a missing bundle.
/// </summary>
internal sealed class InMemoryDueIndex : IDueIndex
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<(DateTimeOffset Minute, string Key), DueBundle> _rows = [];
    private long _version;

    /// <summary>Every entry, oldest first.</summary>
    public IReadOnlyList<DueEntry> Entries => Bundles.SelectMany(b => b.Entries).ToList();

    /// <summary>Every bundle, oldest first.</summary>
    public IReadOnlyList<DueBundle> Bundles
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
            foreach (var minute in entries.GroupBy(Minute))
            {
                foreach (var chunk in minute.DistinctBy(e => e.SubscriberId).Chunk(IDueIndex.BundleLimit))
                    Store(minute.Key, chunk);
            }
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<DueBundle> ReadDueAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var bundle in Bundles.Where(b => b.Due <= now))
            yield return bundle;
    }

    public Task<IReadOnlyList<DueBundle>> ClaimAsync(IReadOnlyList<DueBundle> bundles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimed = new List<DueBundle>();
        lock (_lock)
        {
            foreach (var group in bundles.GroupBy(b => Minute(b.Entries[0])))
            {
                if (!group.All(b => _rows.TryGetValue(Key(b), out var stored) && stored.ETag == b.ETag))
                    continue;
                foreach (var bundle in group)
                    claimed.Add(_rows[Key(bundle)] = bundle with { PlannedAt = now, ETag = NextVersion() });
            }
        }

        return Task.FromResult<IReadOnlyList<DueBundle>>(claimed);
    }

    public Task RemoveAsync(IReadOnlyCollection<DueBundle> bundles, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var bundle in bundles)
                _rows.Remove(Key(bundle));
        }

        return Task.CompletedTask;
    }

    public Task<int> CompactAsync(DateTimeOffset after, CancellationToken cancellationToken)
    {
        var gathered = 0;
        lock (_lock)
        {
            var partFilled = _rows.Where(r => r.Key.Minute > after && r.Value.PlannedAt is null && r.Value.Entries.Count < IDueIndex.BundleLimit)
                .GroupBy(r => r.Key.Minute).Where(g => g.Count() > 1).ToList();
            foreach (var minute in partFilled)
            {
                foreach (var (key, _) in minute)
                    _rows.Remove(key);
                foreach (var chunk in minute.SelectMany(r => r.Value.Entries).DistinctBy(e => e.SubscriberId).Chunk(IDueIndex.BundleLimit))
                    Store(minute.Key, chunk);

                gathered += minute.Count();
            }
        }

        return Task.FromResult(gathered);
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
            foreach (var (key, bundle) in _rows.Where(r => r.Value.Entries.Any(e => e.SubscriberId == subscriberId)).ToList())
            {
                var rest = bundle.Entries.Where(e => e.SubscriberId != subscriberId).ToList();
                if (rest.Count == 0)
                    _rows.Remove(key);
                else
                    _rows[key] = bundle with { Entries = rest, ETag = NextVersion() };
            }
        }
    }

    /// <summary>Stores entries of one minute as a bundle keyed by its subscribers (under the lock).</summary>
    private void Store(DateTimeOffset minute, IReadOnlyList<DueEntry> entries)
    {
        var key = string.Join(',', entries.Select(e => e.SubscriberId).Order(StringComparer.Ordinal));
        _rows[(minute, key)] = new DueBundle(key, entries, null, NextVersion());
    }

    private static DateTimeOffset Minute(DueEntry entry) =>
        new(entry.Due.UtcTicks - entry.Due.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    private static (DateTimeOffset Minute, string Key) Key(DueBundle bundle) => (Minute(bundle.Entries[0]), bundle.Key);

    private string NextVersion() => (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
