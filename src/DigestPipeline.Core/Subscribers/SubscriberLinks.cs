using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Subscribers;

/// <summary>
/// The absolute URLs of the subscriber pages, on <see cref="SubscriptionOptions.PublicBaseUrl"/>, each with the
/// token its page needs. The route table (README, "Subscriber links") is the contract with the HTTP endpoints.
/// </summary>
/// <remarks>Every URL returned is already percent-encoded and ASCII; templates still encode it for their output.</remarks>
public sealed class SubscriberLinks(SubscriberTokens tokens, IOptions<SubscriptionOptions> options)
{
    /// <summary>Query parameter of the document page: cited ranges as <c>start-end</c>, comma-separated.</summary>
    public const string HighlightParameter = "hl";

    public const string TokenParameter = "token";

    private readonly string _base = options.Value.PublicBaseUrl.TrimEnd('/');

    public string BaseUrl => _base;

    /// <summary><c>/subscribe</c>: the sign-up page (no token).</summary>
    public string Subscribe() => _base + "/subscribe";

    /// <summary><c>/confirm?token=</c>: double opt-in.</summary>
    public string Confirm(string subscriberId, DateTimeOffset issuedAt) =>
        WithToken("/confirm", tokens.Issue(TokenPurpose.Confirm, subscriberId, "", issuedAt));

    /// <summary><c>/preferences?token=</c>.</summary>
    public string Preferences(string subscriberId, DateTimeOffset issuedAt) =>
        WithToken("/preferences", tokens.Issue(TokenPurpose.Preferences, subscriberId, "", issuedAt));

    /// <summary>
    /// <c>/unsubscribe?token=</c> with an unsubscribe-all token: the List-Unsubscribe URL (POST: RFC 8058
    /// one-click; GET: a confirmation page).
    /// </summary>
    public string Unsubscribe(string subscriberId, DateTimeOffset issuedAt) =>
        WithToken("/unsubscribe", tokens.Issue(TokenPurpose.Unsubscribe, subscriberId, "", issuedAt));

    /// <summary><c>/unsubscribe?token=</c> with a one-theme token: the same route, the token says which theme.</summary>
    public string UnsubscribeTheme(string subscriberId, string themeId, DateTimeOffset issuedAt) =>
        WithToken("/unsubscribe", tokens.Issue(TokenPurpose.UnsubscribeTheme, subscriberId, themeId, issuedAt));

    /// <summary><c>/digests/{deliveryId}?token=</c>: the archived digest; the token is for that delivery only.</summary>
    public string ViewDigest(string subscriberId, string deliveryId, DateTimeOffset issuedAt) =>
        WithToken("/digests/" + Uri.EscapeDataString(deliveryId), tokens.Issue(TokenPurpose.ViewDigest, subscriberId, deliveryId, issuedAt));

    /// <summary>
    /// <c>/documents/{documentId}?token=&amp;hl=120-245,300-410</c>: the source document's page with the cited
    /// ranges highlighted. The ranges are not signed: they only choose what to highlight in a document the token
    /// already opens, and the page ignores ranges outside the text.
    /// </summary>
    public string Document(string subscriberId, string documentId, IEnumerable<CitedRange> cited, DateTimeOffset issuedAt)
    {
        var url = new StringBuilder(WithToken("/documents/" + Uri.EscapeDataString(documentId),
            tokens.Issue(TokenPurpose.ViewDocument, subscriberId, documentId, issuedAt)));
        var first = true;
        foreach (var range in cited)
        {
            url.Append(first ? $"&{HighlightParameter}=" : ",");
            url.Append(range.Start.ToString(CultureInfo.InvariantCulture)).Append('-').Append(range.End.ToString(CultureInfo.InvariantCulture));
            first = false;
        }

        return url.ToString();
    }

    /// <summary>
    /// Reads an <c>hl</c> value back: the ranges that are well-formed and inside a text of
    /// <paramref name="textLength"/>, in order; anything else is ignored (the parameter comes from a URL).
    /// </summary>
    public static IReadOnlyList<CitedRange> ParseHighlights(string? value, int textLength)
    {
        var ranges = new List<CitedRange>();
        foreach (var part in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0
                && int.TryParse(part.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                && int.TryParse(part.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var end)
                && start < end && end <= textLength)
            {
                ranges.Add(new CitedRange(start, end));
            }
        }

        return ranges;
    }

    // A token is base64url, so it needs no escaping in a query.
    private string WithToken(string path, string token) => $"{_base}{path}?{TokenParameter}={token}";
}
