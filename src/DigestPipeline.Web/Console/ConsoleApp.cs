using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DigestPipeline.Web.Console;

/// <summary>
/// Every request under <c>/console</c>, from either host: who may come in (<see cref="ConsoleOptions.Access"/>), the
/// login link, the form token of every POST, then the sections' routes (<see cref="IConsoleSection"/>).
/// </summary>
/// <remarks>
/// Locally the console answers requests from a loopback address to a loopback host name only (a page of another site
/// that rebinds its name to 127.0.0.1 gets 403), and then only with the session cookie a one-time login link set
/// (HttpOnly, SameSite=Strict, path /console). Behind App Service authentication the platform has signed the operator
/// in; the console checks that they are one of <see cref="ConsoleOptions.Operators"/>. A POST needs the session's form
/// token (field <see cref="FormField"/> or header <see cref="FormHeader"/>) and, locally, when the browser says where it
/// comes from, this very origin.
/// </remarks>
public sealed class ConsoleApp
{
    public const string PathBase = "/console";
    public const string CookieName = "dp-console";
    public const string FormField = "_csrf";
    public const string FormHeader = "X-Console-Csrf";

    private readonly ConsoleRoutes _routes = new();
    private readonly ConsoleTokens _tokens;
    private readonly ConsoleOptions _options;
    private readonly bool _platformAuthenticationOn;

    /// <param name="configuration">Where App Service says whether its authentication is on (<c>WEBSITE_AUTH_ENABLED</c>).</param>
    public ConsoleApp(IEnumerable<IConsoleSection> sections, ConsoleTokens tokens, IOptions<ConsoleOptions> options, IConfiguration configuration)
    {
        _tokens = tokens;
        _options = options.Value;
        _platformAuthenticationOn = string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "true", StringComparison.OrdinalIgnoreCase);
        foreach (var section in sections)
            section.Map(_routes);
    }

    /// <summary>The login link for a console served at <paramref name="site"/> (<c>http://127.0.0.1:7071</c>): usable once.</summary>
    public string LoginLink(string site) => site.TrimEnd('/') + PathBase + "/login?token=" + _tokens.IssueLogin();

    /// <param name="path">The path after <c>/console/</c>; empty for the console's root.</param>
    public async Task<IResult> HandleAsync(HttpContext http, string? path)
    {
        path = (path ?? "").Trim('/');
        if (_options.Access == ConsoleAccessMode.Off)
            return Results.NotFound();
        var text = ConsolePages.TextFor(http);
        // The pages' "no-referrer" makes a browser send "Origin: null" with a form's POST (Chromium does), which the
        // origin check below refuses: the console's pages say "same-origin" instead, which still hands nothing to
        // another site. Set as the headers go out, over what the pages' writer sets.
        http.Response.OnStarting(() =>
        {
            http.Response.Headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        if (_options.Access == ConsoleAccessMode.Local && !FromThisMachine(http))
            return await RefuseAsync(http, StatusCodes.Status403Forbidden, "ThisMachineOnlyTitle", "ThisMachineOnly");
        // The platform removes its identity headers from outside requests only where its authentication is on: elsewhere
        // anyone could send them. The rest of the app runs; the console stays shut and says why.
        if (_options.Access == ConsoleAccessMode.AppServiceAuthentication && !_platformAuthenticationOn)
            return await RefuseAsync(http, StatusCodes.Status503ServiceUnavailable, "PlatformAuthenticationOffTitle", "PlatformAuthenticationOff");

        if (path == "login" && HttpMethods.IsGet(http.Request.Method) && _options.Access == ConsoleAccessMode.Local)
            return await LogInAsync(http);

        var signedIn = SignedIn(http);
        if (signedIn is null)
        {
            if (_options.Access == ConsoleAccessMode.AppServiceAuthentication && AppServicePrincipal.Read(http.Request.Headers) is null)
                return Results.Redirect("/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(PathBase + "/"));
            return _options.Access == ConsoleAccessMode.Local
                ? await RefuseAsync(http, StatusCodes.Status401Unauthorized, "LoginNeededTitle", "LoginNeeded")
                : await RefuseAsync(http, StatusCodes.Status403Forbidden, "NotOperatorTitle", "NotOperator");
        }

        var formToken = _tokens.FormToken(signedIn.SessionId);
        if (HttpMethods.IsPost(http.Request.Method) && FormPastTheHostsLimit(http))
        {
            // Said before a byte of it is read: a client that waits for "100 Continue" never sends the body.
            return await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, "RequestTooLargeTitle", "RequestTooLarge", signedIn, formToken);
        }

        try
        {
            if (HttpMethods.IsPost(http.Request.Method) && !await CarriesFormTokenAsync(http, signedIn))
                return await RefuseAsync(http, StatusCodes.Status403Forbidden, "FormExpiredTitle", "FormExpired", signedIn, formToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A form read to find its token past the host's request limit (an upload of many files without script):
            // a page that says so, rather than the server's bare 413.
            return await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, "RequestTooLargeTitle", "RequestTooLarge", signedIn, formToken);
        }

        if (path == "logout" && HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.Cookies.Delete(CookieName, CookieOptions(http, DateTimeOffset.UnixEpoch));
            return await RefuseAsync(http, StatusCodes.Status200OK, "LoggedOutTitle", "LoggedOut");
        }

        var request = new ConsoleRequest(http, new RouteValueDictionary(), signedIn, formToken);
        if (path.Length == 0)
            return request.SeeOther("documents");
        if (_routes.Match(http.Request.Method, path) is { } match)
            return await match.Handler(new ConsoleRequest(http, match.Values, signedIn, formToken));
        return _routes.Knows(path)
            ? Results.StatusCode(StatusCodes.Status405MethodNotAllowed)
            : await request.MessageAsync(StatusCodes.Status404NotFound, text.Get("NotFoundTitle"), text.Get("NotFound"));
    }

    /// <summary>The variables the console's layout reads, for every page (empty when nobody is signed in).</summary>
    internal static IReadOnlyDictionary<string, string> FrameValues(ConsoleOperator? signedIn, string formToken) => new Dictionary<string, string>
    {
        ["csrf"] = formToken,
        ["operator"] = signedIn?.Name ?? "",
        ["signOutUrl"] = signedIn?.SignOutUrl ?? "",
    };

    private async Task<IResult> LogInAsync(HttpContext http)
    {
        if (_tokens.RedeemLogin(http.Request.Query["token"]) is not { } session)
            return await RefuseAsync(http, StatusCodes.Status403Forbidden, "LinkUsedTitle", "LinkUsed");
        http.Response.Cookies.Append(CookieName, session.Cookie, CookieOptions(http, session.Expires));
        // 303 to the console: the token leaves the address bar and the history's last entry.
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = PathBase + "/";
        return Results.Empty;
    }

    private ConsoleOperator? SignedIn(HttpContext http)
    {
        if (_options.Access == ConsoleAccessMode.Local)
        {
            return _tokens.ReadSession(http.Request.Cookies[CookieName]) is { } session
                ? new ConsoleOperator("this machine", session.Id, "")
                : null;
        }

        if (AppServicePrincipal.Read(http.Request.Headers) is not { } principal)
            return null;
        var (id, name) = principal;
        if (!_options.OperatorList.Any(o => string.Equals(o, id, StringComparison.OrdinalIgnoreCase) || (name.Length > 0 && string.Equals(o, name, StringComparison.OrdinalIgnoreCase))))
            return null;
        return new ConsoleOperator(name.Length > 0 ? name : id, id, "/.auth/logout?post_logout_redirect_uri=" + Uri.EscapeDataString(PathBase + "/"));
    }

    private async Task<bool> CarriesFormTokenAsync(HttpContext http, ConsoleOperator signedIn)
    {
        // Locally Kestrel sees the browser's own Host, so a cross-origin POST is told apart before its token is read. In
        // Azure the request reaches the worker through the Functions host's proxy, whose scheme and host it may not
        // keep: there the form token alone decides.
        var origin = http.Request.Headers[HeaderNames.Origin].ToString();
        if (_options.Access == ConsoleAccessMode.Local && origin.Length > 0
            && !string.Equals(origin, http.Request.Scheme + "://" + http.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
            return false;
        string? presented = http.Request.Headers[FormHeader];
        if (string.IsNullOrEmpty(presented) && http.Request.HasFormContentType)
            presented = (await http.Request.ReadFormAsync(http.RequestAborted))[FormField];
        return _tokens.IsFormToken(signedIn.SessionId, presented);
    }

    /// <summary>
    /// A form the frame would read to find its token (no token header) whose declared length is past the host's
    /// request limit. A request with the header is the upload script's, one file at a time: its section sets its
    /// own limit, from the document cap.
    /// </summary>
    private static bool FormPastTheHostsLimit(HttpContext http) =>
        string.IsNullOrEmpty(http.Request.Headers[FormHeader])
        && http.Request.ContentLength is { } length
        && http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit
        && length > limit;

    private static bool FromThisMachine(HttpContext http)
    {
        if (http.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
            return false;
        var host = http.Request.Host.Host.Trim('[', ']');
        return host is "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    private static CookieOptions CookieOptions(HttpContext http, DateTimeOffset expires) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict,
        Path = PathBase,
        Expires = expires,
        IsEssential = true,
    };

    private static Task<IResult> RefuseAsync(HttpContext http, int status, string title, string text, ConsoleOperator? signedIn = null, string formToken = "")
    {
        var words = ConsolePages.TextFor(http);
        var html = ConsolePages.Templates.Render("message", new ConsoleMessageView([words.Get(text)]), words, words.Get(title),
            values: FrameValues(signedIn, formToken));
        return SubscriberPageEndpoints.WriteAsync(http, status, ConsoleRequest.Policy(""), html);
    }
}
