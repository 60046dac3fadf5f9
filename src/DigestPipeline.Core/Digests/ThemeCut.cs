using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// One digest's items on one theme, taken from the theme's entries as they come, newest first: those of its window
/// (<see cref="From"/>, <see cref="UpTo"/>], each document once, until it has <c>maxItems</c>. Entries of a batch's
/// wider window pass through every cut of the batch, and each takes exactly what reading its own window would give it.
/// A document in a language the subscriber does not read (<see cref="ItemLanguage.IsShownTo"/>) is left out without
/// taking one of the <c>maxItems</c> places: the cut goes on to older entries, as for a document with nothing on the theme.
/// </summary>
internal sealed class ThemeCut(DateTimeOffset from, DateTimeOffset upTo, int maxItems, Subscriber reader)
{
    private readonly List<DigestItem> _newestFirst = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public DateTimeOffset From => from;

    public DateTimeOffset UpTo => upTo;

    public bool IsEmptyWindow => from >= upTo;

    /// <summary>
    /// Whether this digest looks at the entry: one of its window, the first of its document, while it still wants
    /// items. A document looked at counts as seen even when it gives no item (its summaries missing or without the
    /// theme), so that a second entry of it is not looked at either.
    /// </summary>
    public bool Takes(ThemeIndexEntry entry) =>
        _newestFirst.Count < maxItems && entry.IndexedAt <= upTo && entry.IndexedAt > from && _seen.Add(entry.DocumentId);

    /// <summary>Keeps the item of an entry <see cref="Takes"/> looked at, unless the subscriber does not read its language.</summary>
    public void Add(DigestItem item)
    {
        if (ItemLanguage.IsShownTo(reader, item.Language))
            _newestFirst.Add(item);
    }

    /// <summary>
    /// Nothing after <paramref name="entry"/> can change this digest: it has its items, or, entries coming newest first,
    /// the entry is at or before its window's start and so is every one after it.
    /// </summary>
    public bool IsDoneAfter(ThemeIndexEntry entry) => _newestFirst.Count >= maxItems || entry.IndexedAt <= from;

    /// <summary>The items oldest first, as a digest shows them.</summary>
    public List<DigestItem> Items() => Enumerable.Reverse(_newestFirst).ToList();
}
