using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using DigestPipeline.Core.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DigestPipeline.Web.Console;

/// <summary>A signed-in operator's request to a console route: its values, and the ways to answer it.</summary>
public sealed class ConsoleRequest
{
    private static readonly ConcurrentDictionary<string, string> ScriptSources = new(StringComparer.Ordinal);

    internal ConsoleRequest(HttpContext http, RouteValueDictionary route, ConsoleOperator signedIn, string formToken)
    {
        Http = http;
        RouteValues = route;
        Operator = signedIn;
        FormToken = formToken;
        Text = ConsolePages.TextFor(http);
    }

    public HttpContext Http { get; }

    public CancellationToken Aborted => Http.RequestAborted;

    public RouteValueDictionary RouteValues { get; }

    public ConsoleOperator Operator { get; }

    /// <summary>What every form of the page sends back as <see cref="ConsoleApp.FormField"/> (templates see it as <c>csrf</c>).</summary>
    public string FormToken { get; }

    /// <summary>The console's words, in the browser's language (Accept-Language) when the console has a file for it.</summary>
    public CultureText Text { get; }

    /// <summary>A value of the route (<c>{id}</c>), empty when absent.</summary>
    public string Route(string name) => RouteValues.TryGetValue(name, out var value) ? value?.ToString() ?? "" : "";

    /// <summary>A query parameter, null when absent or empty.</summary>
    public string? Query(string name) => Http.Request.Query[name].ToString() is { Length: > 0 } value ? value : null;

    /// <summary>
    /// Renders <paramref name="template"/> with <paramref name="view"/> in the console's layout, <paramref name="section"/>
    /// marked in its menu, under the console's policy (its stylesheet by hash; <paramref name="script"/>, a fixed
    /// script, by hash too, with requests to this site only).
    /// </summary>
    public Task<IResult> PageAsync(string template, object view, string title, string section, string script = "", int status = StatusCodes.Status200OK)
    {
        var html = ConsolePages.Templates.Render(template, view, Text, title, script: script, section: section, values: ConsoleApp.FrameValues(Operator, FormToken));
        return SubscriberPageEndpoints.WriteAsync(Http, status, Policy(script), html);
    }

    /// <summary>303 to another console page (<c>documents/abc</c>), the answer to a form's POST.</summary>
    public IResult SeeOther(string consolePath)
    {
        Http.Response.StatusCode = StatusCodes.Status303SeeOther;
        Http.Response.Headers.Location = ConsoleApp.PathBase + "/" + consolePath.TrimStart('/');
        return Results.Empty;
    }

    /// <summary>A page that says what went wrong (404, 409, 422…) in the console's frame.</summary>
    public Task<IResult> MessageAsync(int status, string title, params string[] paragraphs) =>
        PageAsync("message", new ConsoleMessageView(paragraphs), title, "", status: status);

    internal static string Policy(string script) =>
        "default-src 'none'; style-src " + ConsolePages.Templates.StyleSource + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        + (script.Length == 0 ? "" : "; connect-src 'self'; script-src " + ScriptSources.GetOrAdd(script,
            s => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(s))) + "'"));
}
