using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Api;

/// <summary>
/// Entra ID bearer tokens on the upload API. Entra ID itself cannot run here, so a stand-in issuer on Kestrel
/// (127.0.0.1) fakes it the way Entra presents itself to an API: an OpenID Connect metadata document at
/// <c>{authority}/.well-known/openid-configuration</c> naming the issuer and a JWKS address, and RS256 tokens signed by
/// a test RSA key with the claims Entra puts in an app token (<c>aud</c>, <c>iss</c>, <c>oid</c>, <c>roles</c>). The
/// API validates them with the same code it would run against login.microsoftonline.com.
/// </summary>
public sealed class Entra_tokens_are_checked_against_the_configured_issuer(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Audience = "api://digestpipeline-test";
    private const string Role = "Documents.Upload";
    private const string KeyId = "test-key-1";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private readonly RSA _signing = RSA.Create(2048);
    private readonly RSA _stranger = RSA.Create(2048);
    private WebApplication? _issuer;
    private string _authority = "";

    public async ValueTask InitializeAsync()
    {
        _issuer = LoopbackWebApp.Create();
        _issuer.MapGet("/tenant/v2.0/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = _authority,
            ["jwks_uri"] = _authority + "/keys",
            ["token_endpoint"] = _authority + "/token",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _issuer.MapGet("/tenant/v2.0/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_signing.ExportParameters(false)) { KeyId = KeyId });
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = KeyId, n = jwk.N, e = jwk.E } } });
        });
        await _issuer.StartAsync(Cancellation);
        _authority = LoopbackWebApp.AddressOf(_issuer) + "/tenant/v2.0";
    }

    public async ValueTask DisposeAsync()
    {
        if (_issuer is not null)
            await _issuer.DisposeAsync();
        _signing.Dispose();
        _stranger.Dispose();
    }

    [Fact]
    public async Task A_token_from_the_issuer_for_the_api_with_its_role_is_accepted_and_any_other_refused()
    {
        await using var api = await DocumentApiHost.StartAsync(azurite, Cancellation, new Dictionary<string, string?>
        {
            ["Api:Entra:Authority"] = _authority,
            ["Api:Entra:Audience"] = Audience,
            ["Api:Entra:RequiredRole"] = Role,
        });
        var now = DateTime.UtcNow;

        (await PostAsync(api, Token(_signing, Audience, now.AddHours(1), [Role]))).ShouldBe(HttpStatusCode.Accepted, "a valid token");

        var refused = new Dictionary<string, string>
        {
            ["another audience"] = Token(_signing, "api://another-app", now.AddHours(1), [Role]),
            ["expired an hour ago"] = Token(_signing, Audience, now.AddHours(-1), [Role], notBefore: now.AddHours(-2)),
            ["signed by another key under the same key id"] = Token(_stranger, Audience, now.AddHours(1), [Role]),
            ["without the required role"] = Token(_signing, Audience, now.AddHours(1), []),
            ["another issuer"] = Token(_signing, Audience, now.AddHours(1), [Role], issuer: "https://login.microsoftonline.com/other/v2.0"),
            ["tampered"] = Tamper(Token(_signing, Audience, now.AddHours(1), [Role])),
        };
        foreach (var (what, token) in refused)
            (await PostAsync(api, token)).ShouldBe(HttpStatusCode.Unauthorized, what);
        // Each refused for its own reason, not all for one.
        var reasons = api.Logs.Records.Select(r => r.Text).Where(t => t.Contains("API request refused", StringComparison.Ordinal)).ToList();
        foreach (var reason in new[] { "InvalidAudience", "Expired", "InvalidSignature", "without the app role", "InvalidIssuer" })
            reasons.ShouldContain(t => t.Contains(reason, StringComparison.Ordinal), reason);

        using var anonymous = await api.Http.PostAsync("/api/documents?name=a.txt", new StringContent("A note."), Cancellation);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Headers.WwwAuthenticate.Select(h => h.Scheme).ShouldBe(["ApiKey", "Bearer"], ignoreOrder: true);
    }

    [Fact]
    public async Task Without_an_authority_bearer_tokens_are_not_accepted()
    {
        await using var api = await DocumentApiHost.StartAsync(azurite, Cancellation);

        (await PostAsync(api, Token(_signing, Audience, DateTime.UtcNow.AddHours(1), [Role]))).ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<HttpStatusCode> PostAsync(DocumentApiHost api, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents?name=note.txt") { Content = new StringContent("A note on the grid operator's winter outlook.") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await api.Http.SendAsync(request, Cancellation);
        return response.StatusCode;
    }

    private string Token(RSA key, string audience, DateTime expires, string[] roles, DateTime? notBefore = null, string? issuer = null)
    {
        var claims = new List<Claim> { new("oid", "00000000-0000-0000-0000-00000000a11c"), new("sub", "app-subject") };
        claims.AddRange(roles.Select(r => new Claim("roles", r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? _authority,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = notBefore ?? expires.AddHours(-2),
            IssuedAt = notBefore ?? expires.AddHours(-2),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The payload changed after signing (another principal), the signature kept.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("a11c", "b0b0", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}
