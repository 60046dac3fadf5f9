namespace DigestPipeline.Core.Subscriptions;

/// <summary>Where the sign-up emails sent recently are counted, per key, shared by every host of the pipeline.</summary>
public interface IConfirmationCounter
{
    /// <summary>
    /// Counts one at <paramref name="now"/> for <paramref name="key"/> if fewer than <paramref name="limit"/> were
    /// counted after <paramref name="since"/>; otherwise counts nothing and returns false. Atomic per key: hosts
    /// counting the same key at once never pass the limit together.
    /// </summary>
    Task<bool> TryCountAsync(string key, int limit, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken);
}
