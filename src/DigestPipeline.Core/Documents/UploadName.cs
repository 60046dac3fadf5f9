using System.Globalization;

namespace DigestPipeline.Core.Documents;

/// <summary>
/// Whether an upload's blob name can be used as it is to address the blob in <c>incoming</c> and its copy in
/// <c>quarantine</c>. URL clients resolve "." and ".." path segments (RFC 3986), so "../documents/x.json" would
/// address another container; such a name (or an empty, over-long or control-character name) is refused before
/// any blob is touched. Azure Storage (and Azurite) store a backslash as '/', so it separates segments too: an upload
/// named "a\..\..\documents\x.json" is stored as "a/../../documents/x.json". Spaces, '%', markup and any script
/// are fine: they are escaped in the URL.
/// </summary>
public static class UploadName
{
    /// <summary>Azure's limit on a blob name, in characters.</summary>
    public const int MaxLength = 1024;

    /// <returns>Why the name is unsafe, or null when it is safe.</returns>
    public static string? Problem(string blobName)
    {
        if (string.IsNullOrEmpty(blobName)) return "the blob name is empty";
        if (blobName.Length > MaxLength)
            return string.Create(CultureInfo.InvariantCulture, $"the blob name is {blobName.Length:N0} characters long; the limit is {MaxLength:N0}");
        foreach (var c in blobName)
        {
            if (char.IsControl(c)) return string.Create(CultureInfo.InvariantCulture, $"the blob name contains the control character U+{(int)c:X4}");
        }

        if (blobName[0] == '/') return "the blob name starts with '/', which URL clients drop";
        foreach (var segment in blobName.Split('/', '\\'))
        {
            if (segment is "." or "..") return "the blob name has a '.' or '..' path segment, which would address another path";
        }

        return null;
    }
}
