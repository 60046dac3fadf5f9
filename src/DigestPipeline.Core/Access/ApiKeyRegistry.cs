namespace DigestPipeline.Core.Access;

/// <summary>What <c>digest key add|list|revoke</c> does: keys are named, shown once, listed without their secret, revoked (never deleted, so the list keeps who had access).</summary>
public sealed class ApiKeyRegistry(IApiKeyStore keys, TimeProvider time)
{
    public const int MaxNameLength = 100;

    /// <returns>The new key (its <see cref="NewApiKey.Key"/> to show once), or the reason the name is refused.</returns>
    public async Task<(NewApiKey? Key, string? Problem)> AddAsync(string name, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length == 0 || name.Length > MaxNameLength || name.Any(char.IsControl))
            return (null, $"a key's name is one line of 1 to {MaxNameLength} characters");
        if ((await keys.ListAsync(cancellationToken)).Any(k => !k.Revoked && string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase)))
            return (null, $"an active key is already named '{name}': revoke it first, or choose another name");
        var key = ApiKey.Create();
        await keys.AddAsync(new ApiKeyRecord(key.Id, name, key.Hash, time.GetUtcNow()), cancellationToken);
        return (key, null);
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken) => keys.ListAsync(cancellationToken);

    /// <summary>Revokes the key of this id, or the active keys of this name.</summary>
    /// <returns>The keys revoked now (none when nothing matched or all were revoked already).</returns>
    public async Task<IReadOnlyList<ApiKeyRecord>> RevokeAsync(string idOrName, CancellationToken cancellationToken)
    {
        var matching = (await keys.ListAsync(cancellationToken))
            .Where(k => !k.Revoked && (k.Id == idOrName || string.Equals(k.Name, idOrName.Trim(), StringComparison.OrdinalIgnoreCase)))
            .Select(k => k with { RevokedAt = time.GetUtcNow() }).ToList();
        foreach (var key in matching)
            await keys.UpdateAsync(key, cancellationToken);
        return matching;
    }
}
