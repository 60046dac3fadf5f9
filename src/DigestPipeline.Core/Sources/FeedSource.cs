using System.Security.Cryptography;
using System.Text;

namespace DigestPipeline.Core.Sources;

/// <summary>
/// A declared feed and what polling it has learnt: the validators of the last answer (for a conditional GET), the last
/// success, the last error and its reason, consecutive failures (the back-off), items seen, and the next poll.
/// </summary>
public sealed record FeedSource(
    string Id,
    string Name,
    Uri Url,
    TimeSpan Every,
    DateTimeOffset AddedAt,
    DateTimeOffset NextPollAt,
    string? ETag = null,
    string? LastModified = null,
    DateTimeOffset? LastPolledAt = null,
    DateTimeOffset? LastSuccessAt = null,
    DateTimeOffset? LastErrorAt = null,
    string? LastError = null,
    int ConsecutiveFailures = 0,
    long ItemsSeen = 0,
    int LastNewItems = 0)
{
    /// <summary>The id is a hash of the address, so adding the same feed twice is one source.</summary>
    public static string IdFor(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ItemIdentity.Canonical(url).AbsoluteUri)).AsSpan(0, 6));
    }

    public bool IsDue(DateTimeOffset now) => NextPollAt <= now;
}

/// <summary>
/// One feed item as the pipeline knows it (by identity, whichever feed it came from): where its upload is, a hash of
/// what the feed said of it (a change means an update), and the last error fetching it, with its reason and how many
/// polls in a row failed to get it (<paramref name="Attempts"/>, counted while the feed says the same of it).
/// </summary>
public sealed record SourceItem(
    string Hash,
    string Identity,
    string SourceId,
    Uri? Link,
    string? Title,
    string FeedHash,
    string BlobName,
    DateTimeOffset UpdatedAt,
    string? Error = null,
    bool FromFeedContent = false,
    int Attempts = 0)
{
    /// <summary>
    /// Polls in a row an item with nothing to show (its page failed and the feed has no content for it) is tried at:
    /// a blip (a timeout, a 503 while the site deploys) is over long before the fifth poll (2½ hours at the default
    /// 30-minute interval), while a page that is gone would otherwise cost every poll a full read of the feed for ever.
    /// After that the item waits for the feed to say something new of it.
    /// </summary>
    public const int MaxAttempts = 5;

    /// <summary>Failed with nothing uploaded in its place, and not yet tried <see cref="MaxAttempts"/> times.</summary>
    public bool WorthRetrying => Error is not null && !FromFeedContent && Attempts < MaxAttempts;
}
