using DigestPipeline.Core.Access;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace DigestPipeline.Web;

/// <summary>
/// Entra ID bearer tokens for the upload API, when <see cref="EntraOptions.Enabled"/>: the authority's OpenID Connect
/// metadata names the issuer and its signing keys (fetched once, refreshed by the configuration manager, and again
/// when a token names a key not seen yet: Entra rolls its keys); a token is accepted when signed by one of them, from
/// that issuer, for the configured audience, within its lifetime, and carrying the required app role if one is set.
/// Validated in the app itself rather than by an authentication middleware, so that the Functions app's HTTP
/// triggers and <c>digest up</c> run the same code. The token is never logged, only why it was refused.
/// </summary>
public sealed class EntraTokenValidator : IDisposable
{
    private readonly EntraOptions _options;
    private readonly HttpClient? _http;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _metadata;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ILogger<EntraTokenValidator> _logger;

    public EntraTokenValidator(IOptions<ApiOptions> options, ILogger<EntraTokenValidator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Entra;
        _logger = logger;
        if (!_options.Enabled)
            return;
        var authority = new Uri(_options.Authority!.TrimEnd('/') + "/");
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            new Uri(authority, ".well-known/openid-configuration").AbsoluteUri,
            new OpenIdConnectConfigurationRetriever(),
            // Plain http only for a loopback authority (the options validator refuses any other).
            new HttpDocumentRetriever(_http) { RequireHttps = authority.Scheme == Uri.UriSchemeHttps });
    }

    public bool Enabled => _metadata is not null;

    /// <returns>The caller the token names (its <c>oid</c>, else <c>sub</c>), or null when it is refused or tokens are not accepted.</returns>
    public async Task<ApiCaller?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (_metadata is null)
            return null;
        var result = await ValidateOnceAsync(token, cancellationToken);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            _metadata.RequestRefresh();
            result = await ValidateOnceAsync(token, cancellationToken);
        }

        if (!result.IsValid)
        {
            _logger.LogWarning("API request refused: Entra ID token not valid ({Reason})", result.Exception?.GetType().Name ?? "unknown");
            return null;
        }

        var claims = result.ClaimsIdentity;
        if (_options.RequiredRole is { Length: > 0 } role && !claims.Claims.Any(c => c.Type == "roles" && c.Value == role))
        {
            _logger.LogWarning("API request refused: Entra ID token without the app role {Role}", role);
            return null;
        }

        var principal = claims.FindFirst("oid")?.Value ?? claims.FindFirst("sub")?.Value;
        if (string.IsNullOrEmpty(principal))
        {
            _logger.LogWarning("API request refused: Entra ID token names no principal (no oid or sub)");
            return null;
        }

        return new ApiCaller("entra:" + principal, $"Entra ID principal {principal}");
    }

    private async Task<TokenValidationResult> ValidateOnceAsync(string token, CancellationToken cancellationToken)
    {
        var metadata = await _metadata!.GetConfigurationAsync(cancellationToken);
        return await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = metadata.Issuer,
            IssuerSigningKeys = metadata.SigningKeys,
            ValidAudience = _options.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
        });
    }

    public void Dispose() => _http?.Dispose();
}
