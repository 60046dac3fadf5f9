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

    public static string FromNormalisedText(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash[..(Length / 2)]);
    }
}
