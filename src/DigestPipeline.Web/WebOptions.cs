namespace DigestPipeline.Web;

/// <summary>Where the local host serves the subscriber pages (section <c>Web</c>).</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>
    /// Kestrel's listening URLs, separated by ';'. The default listens on the IPv4 loopback only, at the address
    /// <c>Subscriptions:PublicBaseUrl</c> defaults to; anything reachable from outside is an explicit choice.
    /// </summary>
    public string Urls { get; set; } = "http://127.0.0.1:7071";
}
