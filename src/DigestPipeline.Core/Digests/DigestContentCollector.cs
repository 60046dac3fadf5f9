using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Themes;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// Gathers what is new on a subscriber's themes in a time window, grouped by theme, one item per document: the
/// newest <see cref="DigestOptions.MaxItemsPerTheme"/> per theme, shown oldest first; within a theme, a fact
/// reported by several documents is kept once, from the best-sourced one (<see cref="DuplicateFactMerger"/>).
/// The window never reaches further back than <see cref="DigestOptions.CatchUpWindow"/>, so a catch-up digest after
/// long downtime carries recent news, not a month of it.
/// A batch of subscribers is collected together: each theme any of them follows is queried once, over the union of
/// their windows, and each document's summaries are read once; every digest is then cut from that in memory, exactly
/// as if it had been collected alone.
/// </summary>
public sealed class DigestContentCollector(
    IThemeIndex themeIndex,
    ISummaryStore summaries,
    ThemeTaxonomy taxonomy,
    IOptions<DigestOptions> options)
{
    public async Task<DigestContent> CollectAsync(Subscriber subscriber, DateTimeOffset period, DateTimeOffset after, DateTimeOffset upTo, CancellationToken cancellationToken) =>
        (await CollectAsync([new DigestWindow(subscriber, period, after, upTo)], cancellationToken))[0];

    /// <returns>One content per window, in the same order.</returns>
    public async Task<IReadOnlyList<DigestContent>> CollectAsync(IReadOnlyList<DigestWindow> windows, CancellationToken cancellationToken)
    {
        var bounds = windows.Select(w => (From: w.After < w.UpTo - options.Value.CatchUpWindow ? w.UpTo - options.Value.CatchUpWindow : w.After, w.UpTo)).ToList();
        var entriesByTheme = new Dictionary<string, List<ThemeIndexEntry>>(StringComparer.Ordinal);
        foreach (var themeId in windows.SelectMany(w => w.Subscriber.Themes).Distinct())
        {
            var asking = bounds.Where((b, i) => b.From < b.UpTo && windows[i].Subscriber.Themes.Contains(themeId)).ToList();
            var entries = entriesByTheme[themeId] = [];
            if (asking.Count == 0)
                continue;
            await foreach (var entry in themeIndex.QueryAsync(themeId, asking.Min(b => b.From), asking.Max(b => b.UpTo), cancellationToken))
                entries.Add(entry);
        }

        var documentCache = new Dictionary<string, DocumentSummaries?>(StringComparer.Ordinal);
        var contents = new List<DigestContent>(windows.Count);
        for (var i = 0; i < windows.Count; i++)
            contents.Add(await CutAsync(windows[i], bounds[i].From, bounds[i].UpTo, entriesByTheme, documentCache, cancellationToken));
        return contents;
    }

    /// <summary>One subscriber's digest from the entries read for the batch: those of its window (after, upTo], as the index's own query would return them.</summary>
    private async Task<DigestContent> CutAsync(DigestWindow window, DateTimeOffset from, DateTimeOffset upTo,
        Dictionary<string, List<ThemeIndexEntry>> entriesByTheme, Dictionary<string, DocumentSummaries?> documentCache, CancellationToken cancellationToken)
    {
        var subscriber = window.Subscriber;
        var groups = new List<DigestThemeGroup>();
        foreach (var themeId in subscriber.Themes.Distinct())
        {
            var entries = entriesByTheme[themeId];
            var items = new List<DigestItem>();
            var seen = new HashSet<string>();
            for (var i = entries.Count - 1; i >= 0 && items.Count < options.Value.MaxItemsPerTheme; i--)
            {
                var entry = entries[i];
                if (entry.IndexedAt > upTo || entry.IndexedAt <= from || !seen.Add(entry.DocumentId))
                    continue;
                if (!documentCache.TryGetValue(entry.DocumentId, out var document))
                    documentCache[entry.DocumentId] = document = await summaries.GetAsync(entry.DocumentId, cancellationToken);
                var summary = document?.Themes.FirstOrDefault(t => t.ThemeId == themeId);
                if (document is null || summary is null || summary.Sentences.Count == 0)
                    continue;
                items.Add(new DigestItem(document.DocumentId, document.Title, document.SourceName, document.Language, summary.Sentences, summary.KeyPhrases,
                    summary.Score, document.SummarizedAt));
            }

            items.Reverse();
            var merged = DuplicateFactMerger.Merge(items);
            if (merged.Count > 0)
                groups.Add(new DigestThemeGroup(themeId, taxonomy.Find(themeId)?.Label(subscriber.Language) ?? themeId, merged));
        }

        return new DigestContent(subscriber, window.Period, groups);
    }
}

/// <summary>A subscriber's digest to collect: content indexed in (<paramref name="After"/>, <paramref name="UpTo"/>].</summary>
public sealed record DigestWindow(Subscriber Subscriber, DateTimeOffset Period, DateTimeOffset After, DateTimeOffset UpTo);
