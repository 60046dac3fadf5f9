using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Themes;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// Gathers what is new on a subscriber's themes in a time window, grouped by theme, one item per document: the
/// newest <see cref="DigestOptions.MaxItemsPerTheme"/> per theme, shown oldest first; within a theme, a fact
/// reported by several documents is kept once, from the best-sourced one (<see cref="DuplicateFactMerger"/>).
/// Documents in a language the subscriber does not read are left out, and the theme's places go to older documents
/// instead; a document whose language could not be detected is shown to everyone (<see cref="ItemLanguage"/>).
/// The window never reaches further back than <see cref="DigestOptions.CatchUpWindow"/>, so a catch-up digest after
/// long downtime carries recent news, not a month of it.
/// A batch of subscribers is collected together: each theme any of them follows is queried once, over the union of
/// their windows, and each document's summaries are read once; every digest takes from that in memory exactly what it
/// would have taken alone. The index gives a theme's entries newest first, and the query stops once every digest
/// following the theme has its items or the entries have passed its window's start, so a digest reads about what it
/// shows, not its whole window.
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
        ArgumentNullException.ThrowIfNull(windows);
        var settings = options.Value;
        var cuts = windows.Select(w =>
        {
            var from = w.After < w.UpTo - settings.CatchUpWindow ? w.UpTo - settings.CatchUpWindow : w.After;
            return w.Subscriber.Themes.Distinct().ToDictionary(theme => theme, _ => new ThemeCut(from, w.UpTo, settings.MaxItemsPerTheme, w.Subscriber));
        }).ToList();

        var documentCache = new Dictionary<string, DocumentSummaries?>(StringComparer.Ordinal);
        foreach (var themeId in windows.SelectMany(w => w.Subscriber.Themes).Distinct())
        {
            var following = cuts.Select(c => c.GetValueOrDefault(themeId)).OfType<ThemeCut>().Where(c => !c.IsEmptyWindow).ToList();
            if (following.Count > 0)
                await FillAsync(themeId, following, documentCache, cancellationToken);
        }

        return windows.Select((window, i) => Content(window, cuts[i])).ToList();
    }

    /// <summary>
    /// Reads the theme's entries over the union of the windows following it, newest first, and stops as soon as every
    /// one of them has what it shows: a theme with thousands of entries in a week costs the page of its newest.
    /// </summary>
    private async Task FillAsync(string themeId, List<ThemeCut> following, Dictionary<string, DocumentSummaries?> documentCache, CancellationToken cancellationToken)
    {
        await foreach (var entry in themeIndex.QueryAsync(themeId, following.Min(c => c.From), following.Max(c => c.UpTo), cancellationToken))
        {
            foreach (var cut in following.Where(c => c.Takes(entry)))
            {
                if (await ItemAsync(themeId, entry.DocumentId, documentCache, cancellationToken) is { } item)
                    cut.Add(item);
            }

            if (following.TrueForAll(c => c.IsDoneAfter(entry)))
                break;
        }
    }

    /// <summary>The document's item on the theme, or none when its summaries are missing or say nothing on it; each document read once per batch.</summary>
    private async Task<DigestItem?> ItemAsync(string themeId, string documentId, Dictionary<string, DocumentSummaries?> documentCache, CancellationToken cancellationToken)
    {
        if (!documentCache.TryGetValue(documentId, out var document))
            documentCache[documentId] = document = await summaries.GetAsync(documentId, cancellationToken);
        var summary = document?.Themes.FirstOrDefault(t => t.ThemeId == themeId);
        if (document is null || summary is null || summary.Sentences.Count == 0)
            return null;
        return new DigestItem(document.DocumentId, document.Title, document.SourceName, document.Language, summary.Sentences, summary.KeyPhrases,
            summary.Score, document.SummarizedAt) { SourceUrl = document.SourceUrl };
    }

    private DigestContent Content(DigestWindow window, Dictionary<string, ThemeCut> cuts)
    {
        var subscriber = window.Subscriber;
        var groups = new List<DigestThemeGroup>();
        foreach (var themeId in subscriber.Themes.Distinct())
        {
            var merged = DuplicateFactMerger.Merge(cuts[themeId].Items());
            if (merged.Count > 0)
                groups.Add(new DigestThemeGroup(themeId, taxonomy.Find(themeId)?.Label(subscriber.Language) ?? themeId, merged));
        }

        return new DigestContent(subscriber, window.Period, groups);
    }
}

/// <summary>A subscriber's digest to collect: content indexed in (<paramref name="After"/>, <paramref name="UpTo"/>].</summary>
public sealed record DigestWindow(Subscriber Subscriber, DateTimeOffset Period, DateTimeOffset After, DateTimeOffset UpTo);
