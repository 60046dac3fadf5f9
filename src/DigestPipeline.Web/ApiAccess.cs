using System.Globalization;
using DigestPipeline.Core.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace DigestPipeline.Web;

/// <summary>
/// Who may call the upload API: an API key in <c>X-Api-Key</c> or <c>Authorization: ApiKey …</c>, or (when
/// configured) an Entra ID token in <c>Authorization: Bearer …</c>; then the caller's rate. 401 with
/// <c>WWW-Authenticate</c> naming the schemes accepted; 429 with <c>Retry-After</c>.
/// </summary>
public sealed class ApiAccess(ApiKeyAuthenticator keys, EntraTokenValidator entra, ApiRateLimiter rate)
{
    public const string ApiKeyHeader = "X-Api-Key";
    private const string ApiKeyScheme = "ApiKey";
    private const string BearerScheme = "Bearer";

    /// <returns>The caller; or, when refused, the answer to send (and no caller).</returns>
    public async Task<(ApiCaller? Caller, IResult? Refusal)> CheckAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var caller = await AuthenticateAsync(http.Request, http.RequestAborted);
        if (caller is null)
        {
            http.Response.Headers.WWWAuthenticate = entra.Enabled
                ? new Microsoft.Extensions.Primitives.StringValues([$"{ApiKeyScheme} realm=\"DigestPipeline\"", $"{BearerScheme} realm=\"DigestPipeline\""])
                : $"{ApiKeyScheme} realm=\"DigestPipeline\"";
            return (null, DocumentApiEndpoints.Problem(StatusCodes.Status401Unauthorized, "unauthorized",
                $"Send a valid API key in {ApiKeyHeader}" + (entra.Enabled ? ", or an Entra ID token as a bearer token." : ".")));
        }

        if (rate.TryAcquire(caller.Id) is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return (null, DocumentApiEndpoints.Problem(StatusCodes.Status429TooManyRequests, "tooManyRequests",
                $"Too many requests for this caller; try again in {(int)wait.TotalSeconds} s."));
        }

        return (caller, null);
    }

    private async Task<ApiCaller?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Headers[ApiKeyHeader] is { Count: 1 } key)
            return await keys.AuthenticateAsync(key[0]?.Trim(), cancellationToken);
        if (request.Headers[HeaderNames.Authorization] is not { Count: 1 } authorization || authorization[0] is not { } value)
            return null;
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
            return null;
        var scheme = value[..space];
        var credential = value[(space + 1)..].Trim();
        if (scheme.Equals(ApiKeyScheme, StringComparison.OrdinalIgnoreCase))
            return await keys.AuthenticateAsync(credential, cancellationToken);
        if (scheme.Equals(BearerScheme, StringComparison.OrdinalIgnoreCase) && entra.Enabled)
            return await entra.ValidateAsync(credential, cancellationToken);
        return null;
    }
}
