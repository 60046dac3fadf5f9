using Microsoft.Extensions.Logging;

namespace DigestPipeline.Core.Access;

/// <summary>
/// Checks a presented API key: its form, then one point read of its row, then its secret against the stored hash in
/// constant time; a revoked key is refused like an unknown one. Logs name the key's public id, never the key.
/// </summary>
public sealed class ApiKeyAuthenticator(IApiKeyStore keys, TimeProvider time, ILogger<ApiKeyAuthenticator> logger)
{
    /// <summary>The last use is written at most this often per key: a row write per request would double the cost of a request.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    /// <returns>The caller, or null when the key is malformed, unknown, wrong or revoked.</returns>
    public async Task<ApiCaller?> AuthenticateAsync(string? presented, CancellationToken cancellationToken)
    {
        if (!ApiKey.TryParse(presented, out var id, out var secret))
            return null;
        var key = await keys.GetAsync(id, cancellationToken);
        if (key is null || !ApiKey.Matches(secret, key.Hash))
        {
            logger.LogWarning("API request refused: no key {ApiKeyId} with that secret", id);
            return null;
        }

        if (key.Revoked)
        {
            logger.LogWarning("API request refused: key {ApiKeyId} ({ApiKeyName}) was revoked at {RevokedAt:O}", key.Id, key.Name, key.RevokedAt);
            return null;
        }

        var now = time.GetUtcNow();
        if (key.LastUsedAt is not { } last || now - last >= LastUsedPrecision)
            await keys.UpdateAsync(key with { LastUsedAt = now }, cancellationToken);
        return new ApiCaller("key:" + key.Id, $"API key {key.Id} ({key.Name})");
    }
}
