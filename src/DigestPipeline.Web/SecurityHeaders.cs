using System.Security.Cryptography;
using System.Text;
using DigestPipeline.Web.Pages;
using Microsoft.AspNetCore.Http;

namespace DigestPipeline.Web;

/// <summary>The response headers of every subscriber page.</summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// Our own pages: their one stylesheet (<c>pages.css</c>, inlined, allowed by its hash: no other style, no style
    /// attribute) and a same-origin form, nothing else; no script.
    /// </summary>
    public static readonly string PagePolicy =
        "default-src 'none'; style-src " + SubscriberPages.Templates.StyleSource + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The blank subscribe form: <see cref="PagePolicy"/> plus its one fixed script, by hash (no inline script else).</summary>
    public static readonly string SubscribeFormPolicy =
        PagePolicy + "; script-src 'sha256-" +
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(SubscribePageHtml.BrowserTimeZoneScript))) + "'";

    /// <summary>
    /// Archived digests: their inline styles and remote images (email HTML), no script, no form, no plugin. A
    /// digest quotes third-party documents, so this is the second line of defence after their encoding.
    /// </summary>
    public const string DigestPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    public static void Apply(IHeaderDictionary headers, string contentSecurityPolicy)
    {
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        // The URL carries the token: never hand it to another site.
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }
}
