namespace DigestPipeline.Core.Summaries;

/// <summary>The ThemeIndex table: for each theme, the documents summarized on it, by time.</summary>
public interface IThemeIndex
{
    /// <summary>Indexes every theme of the document; indexing the same document again changes nothing.</summary>
    Task AddAsync(DocumentSummaries summaries, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the document out of every theme's entries. The time each pair was first indexed is kept, so indexing
    /// the same document again brings back that time and never a digest's worth of it twice.
    /// </summary>
    Task RemoveAsync(DocumentSummaries summaries, CancellationToken cancellationToken);

    /// <summary>
    /// Entries of one theme indexed after <paramref name="after"/> and at or before <paramref name="upTo"/>, newest
    /// first; entries of the same instant in descending document id (ordinal), so that the order is exactly the reverse
    /// of oldest first. Read lazily: a caller that stops early, having what it needs, stops the reads.
    /// </summary>
    IAsyncEnumerable<ThemeIndexEntry> QueryAsync(string themeId, DateTimeOffset after, DateTimeOffset upTo, CancellationToken cancellationToken);
}

public sealed record ThemeIndexEntry(string ThemeId, string DocumentId, DateTimeOffset IndexedAt);
