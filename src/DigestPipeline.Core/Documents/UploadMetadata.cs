using System.Text.RegularExpressions;

namespace DigestPipeline.Core.Documents;

/// <summary>
/// What an upload may say about itself in its blob metadata (written by the feed poller and <c>digest upload
/// https://…</c>; any other uploader may set it too): the item's title, original address, author, publication time and
/// identity. Blob metadata values must be ASCII, so each value is percent-encoded (<see cref="Uri.EscapeDataString"/>)
/// and decoded here; an unreadable value is ignored, never a reason to refuse the upload.
/// </summary>
public sealed partial record UploadMetadata(string? Title, Uri? Link, string? Author, DateTimeOffset? Published, string? ItemId)
{
    public const string TitleKey = "title";
    public const string LinkKey = "link";
    public const string AuthorKey = "author";
    public const string PublishedKey = "published";
    public const string ItemIdKey = "itemid";

    /// <summary>The longest title (and author) kept, in characters.</summary>
    public const int MaxTitleLength = 500;

    /// <summary>
    /// Caps on each value once encoded (a non-ASCII character takes up to 12 bytes of it, an escaped link's '%' three),
    /// which keep the whole metadata under Azure's 8 KB: a value past its cap is cut (a title, an author) or left out (a link).
    /// </summary>
    public const int MaxEncodedTitle = 3000;

    public const int MaxEncodedAuthor = 1000;

    public const int MaxEncodedLink = 3000;

    public static UploadMetadata None { get; } = new(null, null, null, null, null);

    public static UploadMetadata Read(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || metadata.Count == 0)
            return None;
        var title = Value(metadata, TitleKey);
        var link = Value(metadata, LinkKey) is { } l && Uri.TryCreate(l, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
        var published = Value(metadata, PublishedKey) is { } p && DateTimeOffset.TryParse(p, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        // The item id names the document: only the form a document id has is taken.
        var itemId = Value(metadata, ItemIdKey) is { } id && DocumentIdForm().IsMatch(id) ? id : null;
        return new UploadMetadata(Trim(title, MaxTitleLength), link, Trim(Value(metadata, AuthorKey), MaxTitleLength), published, itemId);
    }

    /// <summary>The metadata to write, each value encoded; absent values left out.</summary>
    public IReadOnlyDictionary<string, string> ToBlobMetadata()
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Add(metadata, TitleKey, Trim(Title, MaxTitleLength), MaxEncodedTitle);
        if (Link is not null && Uri.EscapeDataString(Link.AbsoluteUri).Length <= MaxEncodedLink)
            Add(metadata, LinkKey, Link.AbsoluteUri);
        Add(metadata, AuthorKey, Trim(Author, MaxTitleLength), MaxEncodedAuthor);
        Add(metadata, PublishedKey, Published?.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Add(metadata, ItemIdKey, ItemId);
        return metadata;
    }

    private static void Add(Dictionary<string, string> metadata, string key, string? value, int maxEncoded = int.MaxValue)
    {
        if (string.IsNullOrWhiteSpace(value))
            return;
        var encoded = Uri.EscapeDataString(value);
        // Cut by whole text elements (never half a surrogate pair) until the encoded value fits.
        while (encoded.Length > maxEncoded)
        {
            var elements = System.Globalization.StringInfo.ParseCombiningCharacters(value);
            value = value[..elements[Math.Max(1, elements.Length * 9 / 10) - 1]];
            encoded = Uri.EscapeDataString(value);
        }

        metadata[key] = encoded;
    }

    private static string? Value(IReadOnlyDictionary<string, string> metadata, string key)
    {
        var found = metadata.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrWhiteSpace(found))
            return null;
        try
        {
            return Uri.UnescapeDataString(found);
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    private static string? Trim(string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var single = WhiteSpace().Replace(value, " ").Trim();
        return single.Length <= max ? single : single[..max];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex DocumentIdForm();
}
