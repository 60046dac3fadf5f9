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
/// </summary>
public sealed class DigestContentCollector(
    IThemeIndex themeIndex,
    ISummaryStore summaries,
    ThemeTaxonomy taxonomy,
    IOptions<DigestOptions> options)
{
    public async Task<DigestContent> CollectAsync(Subscriber subscriber, DateTimeOffset period, DateTimeOffset after, DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        var from = after < upTo - options.Value.CatchUpWindow ? upTo - options.Value.CatchUpWindow : after;
        var documentCache = new Dictionary<string, DocumentSummaries?>();
        var groups = new List<DigestThemeGroup>();
        foreach (var themeId in subscriber.Themes.Distinct())
        {
            var entries = new List<ThemeIndexEntry>();
            await foreach (var entry in themeIndex.QueryAsync(themeId, from, upTo, cancellationToken))
                entries.Add(entry);

            var items = new List<DigestItem>();
            var seen = new HashSet<string>();
            for (var i = entries.Count - 1; i >= 0 && items.Count < options.Value.MaxItemsPerTheme; i--)
            {
                var entry = entries[i];
                if (!seen.Add(entry.DocumentId))
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

        return new DigestContent(subscriber, period, groups);
    }
}
