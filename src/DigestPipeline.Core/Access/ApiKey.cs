using System.Security.Cryptography;
using System.Text;

namespace DigestPipeline.Core.Access;

/// <summary>
/// An API key as a client sends it: <c>dpk_{id}_{secret}</c>. The id (16 hex characters) is public: it names the
/// key's row, so that checking a key is one point read, and it is what <c>digest key list</c> and the logs show. The
/// secret (32 random bytes, base64url) is shown once at creation and stored only as its SHA-256: a key is random, not a
/// password, so a fast hash is as strong as a slow one and costs nothing per request.
/// </summary>
public static class ApiKey
{
    public const string Prefix = "dpk_";
    public const int IdLength = 16;
    private const int SecretBytes = 32;
    private const int SecretLength = 43;

    /// <summary>A new key: its id, the whole key to hand over once, and the hash to store.</summary>
    public static NewApiKey Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        return new NewApiKey(id, $"{Prefix}{id}_{secret}", Hash(secret));
    }

    /// <summary>The id and secret of a presented key, or false when it does not have the key's form.</summary>
    public static bool TryParse(string? presented, out string id, out string secret)
    {
        id = secret = "";
        if (presented is null || presented.Length != Prefix.Length + IdLength + 1 + SecretLength || !presented.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var idPart = presented.AsSpan(Prefix.Length, IdLength);
        if (presented[Prefix.Length + IdLength] != '_' || idPart.ContainsAnyExcept("0123456789abcdef".AsSpan()))
            return false;
        var secretPart = presented.AsSpan(Prefix.Length + IdLength + 1);
        foreach (var c in secretPart)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                return false;
        }

        id = idPart.ToString();
        secret = secretPart.ToString();
        return true;
    }

    /// <summary>The stored form of a secret: its SHA-256, lowercase hex.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>
    /// Whether <paramref name="secret"/> is the one whose hash was stored, compared in constant time: how long the
    /// comparison takes says nothing of how many leading characters matched.
    /// </summary>
    public static bool Matches(string secret, string storedHash)
    {
        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(secret), presented);
        Span<byte> stored = stackalloc byte[SHA256.HashSizeInBytes];
        return Convert.FromHexString(storedHash, stored, out _, out var written) == System.Buffers.OperationStatus.Done
               && written == stored.Length
               && CryptographicOperations.FixedTimeEquals(presented, stored);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <param name="Key">The whole key, shown once and never stored.</param>
public sealed record NewApiKey(string Id, string Key, string Hash);
