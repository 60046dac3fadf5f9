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
/// what the feed said of it (a change means an update), and the last error fetching it, with its reason.
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
    bool FromFeedContent = false);
