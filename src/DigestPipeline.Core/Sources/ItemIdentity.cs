using System.Security.Cryptography;
using System.Text;

namespace DigestPipeline.Core.Sources;

/// <summary>
/// Who a feed item is: its guid (RSS guid, Atom id, JSON Feed id), else its canonical link. Hashed into the document
/// id and the upload's blob name, so polling again, or meeting the same item in two feeds, makes one document.
/// </summary>
public static class ItemIdentity
{
    public static string? Of(string? itemId, Uri? link)
    {
        // A guid that is an address (an RSS permalink guid, a JSON Feed id, which is often the URL) names the page
        // as its link would: the same story in a feed with guids and in one without is one item.
        if (!string.IsNullOrWhiteSpace(itemId))
        {
            return Uri.TryCreate(itemId.Trim(), UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps)
                ? "link:" + Canonical(address).AbsoluteUri
                : "id:" + itemId.Trim();
        }

        return link is null ? null : "link:" + Canonical(link).AbsoluteUri;
    }

    /// <summary>
    /// A link as the same page is named whichever way it was written: scheme and host lower-cased (Uri does it), the
    /// default port and the fragment dropped, tracking parameters (<c>utm_*</c>) removed.
    /// </summary>
    public static Uri Canonical(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var builder = new UriBuilder(link) { Fragment = "" };
        if (link.IsDefaultPort) builder.Port = -1;
        var query = link.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)).ToList();
        builder.Query = string.Join('&', query);
        return builder.Uri;
    }

    /// <summary>32 lowercase hex characters (a document id's form); prefixed so that no text's hash can equal it by design.</summary>
    public static string Hash(string identity) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("item\n" + identity)).AsSpan(0, 16));

    /// <summary>The upload's name in <c>incoming</c>: one blob per item, so an update is a new version of the same upload.</summary>
    public static string BlobName(string hash) => $"web/{hash}.html";

    /// <summary>A hash of what the feed says of an item (its title, link and content), to see that it changed.</summary>
    public static string ContentHash(params string?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))).AsSpan(0, 16));
}
