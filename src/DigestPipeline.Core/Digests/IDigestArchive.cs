namespace DigestPipeline.Core.Digests;

/// <summary>The <c>digests</c> container: each sent digest's HTML, for "view in browser" and audit.</summary>
public interface IDigestArchive
{
    Task SaveAsync(string deliveryId, string html, CancellationToken cancellationToken);

    /// <returns>The archived HTML of the delivery; null when none was archived.</returns>
    Task<string?> GetAsync(string deliveryId, CancellationToken cancellationToken);
}
