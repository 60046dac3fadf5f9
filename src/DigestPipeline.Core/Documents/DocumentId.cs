using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace DigestPipeline.Core.Documents;

/// <summary>
/// The id of a document: the first 32 lowercase hex characters of the SHA-256 of its normalised text in UTF-8,
/// so the same content under any name or encoding is the same document.
/// </summary>
public static class DocumentId
{
    public const int Length = 32;

    /// <summary>
    /// The thread's hasher, reset after each use: the one-shot <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>
    /// has OpenSSL allocate and free a digest context per call, which cost as much as hashing a news article.
    /// </summary>
    [ThreadStatic]
    private static IncrementalHash? t_sha256;

    public static string FromNormalisedText(string text)
    {
        // The UTF-8 bytes in a pooled buffer: a document's worth of bytes allocated per document is garbage at once.
        ArgumentNullException.ThrowIfNull(text);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var count = Encoding.UTF8.GetBytes(text, buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            var sha256 = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha256.AppendData(buffer.AsSpan(0, count));
            sha256.GetHashAndReset(hash);
            return Convert.ToHexStringLower(hash[..(Length / 2)]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
