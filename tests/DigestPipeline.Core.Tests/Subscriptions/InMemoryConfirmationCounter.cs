using System.Collections.Concurrent;
using DigestPipeline.Core.Subscriptions;

namespace DigestPipeline.Core.Tests.Subscriptions;

/// <summary>The confirmation counter of one process, for handler tests (the real one is a table: Azure/Storage).</summary>
internal sealed class InMemoryConfirmationCounter : IConfirmationCounter
{
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _counts = new(StringComparer.Ordinal);

    public Task<bool> TryCountAsync(string key, int limit, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var counts = _counts.GetOrAdd(key, _ => []);
        lock (counts)
        {
            counts.RemoveAll(at => at <= since);
            if (counts.Count >= limit)
                return Task.FromResult(false);
            counts.Add(now);
            return Task.FromResult(true);
        }
    }
}
