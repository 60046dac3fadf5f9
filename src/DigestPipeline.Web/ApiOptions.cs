namespace DigestPipeline.Web;

/// <summary>The upload API (section <c>Api</c>): its per-caller rate, and Entra ID tokens beside API keys (off unless configured).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests per minute each caller (an API key, an Entra principal) may make, on average.</summary>
    public int RequestsPerMinute { get; set; } = 60;

    /// <summary>Requests a caller may make at once before the rate applies (the token bucket's size).</summary>
    public int Burst { get; set; } = 20;

    /// <summary>Files one multipart request may carry.</summary>
    public int MaxFilesPerRequest { get; set; } = 10;

    public EntraOptions Entra { get; set; } = new();
}

/// <summary>Entra ID bearer tokens (section <c>Api:Entra</c>): accepted only when <see cref="Authority"/> and <see cref="Audience"/> are set.</summary>
public sealed class EntraOptions
{
    /// <summary>The issuer's base address, whose <c>/.well-known/openid-configuration</c> names its issuer and keys: <c>https://login.microsoftonline.com/{tenant id}/v2.0</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for: the API's application (client) id, or its App ID URI (<c>api://…</c>).</summary>
    public string? Audience { get; set; }

    /// <summary>An app role the token must carry in its <c>roles</c> claim (e.g. <c>Documents.Upload</c>); none when empty.</summary>
    public string? RequiredRole { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(Audience);
}
