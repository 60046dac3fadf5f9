namespace DigestPipeline.Core.Sources;

/// <summary>The declared sources, their polling state, and the items met (the <c>Sources</c> table at the Azure edge).</summary>
public interface ISourceStore
{
    /// <summary>Adds the source unless one with its id is there: returns the one stored (so adding twice is one source).</summary>
    Task<FeedSource> AddAsync(FeedSource source, CancellationToken cancellationToken);

    Task<IReadOnlyList<FeedSource>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Writes the source's state after a poll (a removed source stays removed).</summary>
    Task SaveStateAsync(FeedSource source, CancellationToken cancellationToken);

    /// <returns>Whether there was such a source.</returns>
    Task<bool> RemoveAsync(string id, CancellationToken cancellationToken);

    Task<SourceItem?> GetItemAsync(string hash, CancellationToken cancellationToken);

    Task SaveItemAsync(SourceItem item, CancellationToken cancellationToken);

    /// <summary>The items whose last attempt failed, newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<SourceItem>> ListFailedItemsAsync(int max, CancellationToken cancellationToken);
}

/// <summary>Writes a fetched item into the uploads (<c>incoming</c>), with its origin as metadata; ingest takes it from there.</summary>
public interface IItemUploads
{
    /// <summary>
    /// Writes the upload unless the blob already holds exactly these bytes (no new version, so no second event).
    /// </summary>
    /// <returns>Whether a new version was written.</returns>
    Task<bool> PutAsync(string blobName, byte[] content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);
}
