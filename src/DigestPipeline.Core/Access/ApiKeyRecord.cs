namespace DigestPipeline.Core.Access;

/// <summary>One key of the ApiKeys table: never its secret, only the secret's hash.</summary>
/// <param name="LastUsedAt">When a request last came with it (written at most once a minute per key).</param>
public sealed record ApiKeyRecord(string Id, string Name, string Hash, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt = null, DateTimeOffset? RevokedAt = null)
{
    public bool Revoked => RevokedAt is not null;
}
