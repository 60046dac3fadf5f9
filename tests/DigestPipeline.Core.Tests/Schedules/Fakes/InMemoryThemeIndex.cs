using System.Runtime.CompilerServices;
using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Core.Tests.Schedules.Fakes;

/// <summary>
/// The ThemeIndex in memory, with the adapter's rules: a (theme, document) pair keeps the time it was first indexed, and
/// a query gives entries newest first (same instant: descending document id).
/// </summary>
internal sealed class InMemoryThemeIndex : IThemeIndex
{
    private readonly Dictionary<(string Theme, string Document), DateTimeOffset> _first = [];
    private readonly HashSet<(string Theme, string Document)> _removed = [];

    public Task AddAsync(DocumentSummaries summaries, CancellationToken cancellationToken)
    {
        foreach (var theme in summaries.Themes.Select(t => t.ThemeId).Distinct())
        {
            _first.TryAdd((theme, summaries.DocumentId), summaries.SummarizedAt);
            _removed.Remove((theme, summaries.DocumentId));
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(DocumentSummaries summaries, CancellationToken cancellationToken)
    {
        foreach (var theme in summaries.Themes.Select(t => t.ThemeId).Distinct())
            _removed.Add((theme, summaries.DocumentId));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<ThemeIndexEntry> QueryAsync(
        string themeId, DateTimeOffset after, DateTimeOffset upTo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        var entries = _first
            .Where(e => e.Key.Theme == themeId && e.Value > after && e.Value <= upTo && !_removed.Contains(e.Key))
            .OrderByDescending(e => e.Value)
            .ThenByDescending(e => e.Key.Document, StringComparer.Ordinal)
            .Select(e => new ThemeIndexEntry(themeId, e.Key.Document, e.Value))
            .ToList();
        foreach (var entry in entries)
            yield return entry;
    }
}
