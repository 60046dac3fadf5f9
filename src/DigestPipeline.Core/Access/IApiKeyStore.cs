namespace DigestPipeline.Core.Access;

/// <summary>The ApiKeys table: one row per key, keyed by its public id.</summary>
public interface IApiKeyStore
{
    Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    Task<ApiKeyRecord?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Saves a key's revocation time or last use (merged: the one never overwrites the other).</summary>
    Task UpdateAsync(ApiKeyRecord key, CancellationToken cancellationToken);
}
