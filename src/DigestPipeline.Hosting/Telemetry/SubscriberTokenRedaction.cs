using System.Text.RegularExpressions;

namespace DigestPipeline.Hosting.Telemetry;

/// <summary>
/// Replaces the value of every <c>token=</c> parameter in a text (a URL, a query, a log line) with
/// <see cref="Marker"/>. A subscriber page's link carries its credential there and only there
/// (<c>SubscriberLinks.TokenParameter</c>): <c>/confirm</c>, <c>/preferences</c>, <c>/unsubscribe</c>,
/// <c>/digests/{deliveryId}</c> and <c>/documents/{documentId}</c> all take it from the query. Their path
/// segments are a delivery id and a document id, which the logs name on purpose (README, Observability), not
/// tokens, so paths are left as they are.
/// </summary>
/// <remarks>
/// The parameter is matched without regard to case (ASP.NET Core binds <c>?Token=</c> as well) and also
/// percent-encoded (<c>token%3D…</c>, a link inside another URL's query); <c>access_token=</c> or
/// <c>csrftoken=</c> are other parameters and stay. The value ends where a query value ends (<c>&amp;</c>,
/// <c>#</c>, their encodings <c>%26</c>, <c>%23</c>, a space or a quote); a token is base64url, so it never
/// holds one of those.
/// </remarks>
internal static partial class SubscriberTokenRedaction
{
    /// <summary>What a token's value becomes. Distinct from OpenTelemetry's <c>Redacted</c> and .NET's <c>*</c>, so
    /// that a reader (or a test) can tell which one redacted a query.</summary>
    public const string Marker = "REDACTED";

    /// <summary>The text with every token value replaced; the same instance when it holds none.</summary>
    public static string Redact(string text) =>
        text.Contains("token", StringComparison.OrdinalIgnoreCase) ? TokenValue().Replace(text, "${name}" + Marker) : text;

    /// <summary>A redacted copy of a span tag's or log attribute's value, or null when it holds no token.</summary>
    public static object? RedactedOrNull(object? value) => value switch
    {
        string text when Redact(text) is var redacted && !ReferenceEquals(redacted, text) => redacted,
        Uri uri when Redact(uri.OriginalString) is var redacted && !ReferenceEquals(redacted, uri.OriginalString) => redacted,
        string[] texts when texts.Any(t => t is not null && !ReferenceEquals(Redact(t), t)) => texts.Select(t => t is null ? t : Redact(t)).ToArray(),
        _ => null,
    };

    // The name starts the text or follows a character that cannot be part of a longer name, or a percent escape.
    [GeneratedRegex(@"(?:(?<![A-Za-z0-9_])|(?<=%[0-9A-Fa-f]{2}))(?<name>token(?:=|%3D))(?:[^&#%\s""'<>]|%(?!26|23)[0-9A-Fa-f]{2})+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenValue();
}
