using System.Security.Cryptography;
using System.Text;

namespace DigestPipeline.Core.Documents;

/// <summary>The status row of one document (or, for a rejected upload, of one blob) in the Documents table.</summary>
/// <param name="Sample">Set when the document was too long to be considered whole (<see cref="SourceDocument.Sample"/>);
/// null for a document considered whole, and for rows written before it existed.</param>
/// <param name="NoTheme">Set when the document was summarized but matched no theme of the taxonomy (its only themes,
/// if any, were discovered in its own headings): no subscriber follows such a theme, so it is never delivered. False
/// for rows written before it existed.</param>
public sealed record DocumentRecord(
    string Id,
    string SourceName,
    DocumentStatus Status,
    DateTimeOffset UpdatedAt,
    string? Language = null,
    string? Title = null,
    string? Reason = null,
    IReadOnlyList<string>? Themes = null,
    SentenceSample? Sample = null,
    bool NoTheme = false)
{
    /// <summary>A rejected upload has no document id; its row is keyed by the blob version instead.</summary>
    public static string RejectedUploadId(string blobName, string? eTag) =>
        "upload-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName + "\n" + eTag)).AsSpan(0, 16));
}
