using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DigestPipeline.Web.Console;

/// <summary>
/// Who App Service authentication signed in, from the headers it sets on each request (and removes from outside
/// ones): <c>X-MS-CLIENT-PRINCIPAL-ID</c> and <c>-NAME</c>, or else <c>X-MS-CLIENT-PRINCIPAL</c>, Base64 JSON of the
/// claims (<c>{"auth_typ":…,"name_typ":…,"claims":[{"typ":…,"val":…}]}</c>), which some platforms set alone.
/// </summary>
internal static class AppServicePrincipal
{
    public const string IdHeader = "X-MS-CLIENT-PRINCIPAL-ID";
    public const string NameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    public const string ClaimsHeader = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Entra ID's object id claim, as App Service maps it.</summary>
    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    /// <summary>The principal's object id and name; null when nobody is signed in (or the claims cannot be read).</summary>
    public static (string Id, string Name)? Read(IHeaderDictionary headers)
    {
        var id = headers[IdHeader].ToString();
        if (id.Length > 0)
            return (id, headers[NameHeader].ToString());
        var encoded = headers[ClaimsHeader].ToString();
        if (encoded.Length == 0)
            return null;
        try
        {
            using var principal = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
            var root = principal.RootElement;
            var nameType = root.TryGetProperty("name_typ", out var n) ? n.GetString() : null;
            string? objectId = null, name = null;
            foreach (var claim in root.GetProperty("claims").EnumerateArray())
            {
                var type = claim.GetProperty("typ").GetString();
                if (type == ObjectIdClaim)
                    objectId = claim.GetProperty("val").GetString();
                else if (type == nameType)
                    name = claim.GetProperty("val").GetString();
            }

            return objectId is { Length: > 0 } ? (objectId, name ?? "") : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null; // not what the platform writes: nobody is signed in
        }
    }
}
