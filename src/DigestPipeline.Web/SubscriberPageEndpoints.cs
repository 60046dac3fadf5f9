using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace DigestPipeline.Web;

/// <summary>
/// The subscriber routes of the README's table that exist so far: unsubscribe (GET page, RFC 8058 one-click POST),
/// view a digest, a source page. The handlers come from DI (<c>AddDigestPipelineCore</c>). Each route is one public
/// page function: Kestrel maps them here, the Functions HTTP triggers call the same functions.
/// </summary>
public static class SubscriberPageEndpoints
{
    private const string HtmlContentType = "text/html; charset=utf-8";

    public static IEndpointRouteBuilder MapSubscriberPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/unsubscribe", UnsubscribePageAsync);
        endpoints.MapPost("/unsubscribe", UnsubscribeOneClickAsync);
        endpoints.MapGet("/digests/{deliveryId}", ViewDigestAsync);
        endpoints.MapGet("/documents/{documentId}", SourcePageAsync);
        return endpoints;
    }

    /// <summary><c>GET /unsubscribe?token=</c>: the confirmation page, with a button that POSTs.</summary>
    public static async Task<IResult> UnsubscribePageAsync(HttpContext http, [FromQuery] string? token, UnsubscribeHandler handler)
    {
        var result = await handler.DescribeAsync(token, http.RequestAborted);
        if (result.Outcome != PageOutcome.Ok)
            return await RefuseAsync(http, result.Outcome);
        return await WriteAsync(http, StatusCodes.Status200OK, SecurityHeaders.PagePolicy,
            SubscriberPageHtml.UnsubscribeConfirmation(SubscriberPages.Text(result.Language), result, token!));
    }

    /// <summary>
    /// <c>POST /unsubscribe?token=</c>, RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" with no cookie
    /// and no form token; the body is not read, the token alone decides. Minimal APIs only check antiforgery on
    /// form-bound parameters.
    /// </summary>
    public static async Task<IResult> UnsubscribeOneClickAsync(HttpContext http, [FromQuery] string? token, UnsubscribeHandler handler)
    {
        var result = await handler.UnsubscribeAsync(token, http.RequestAborted);
        if (result.Outcome != PageOutcome.Ok)
            return await RefuseAsync(http, result.Outcome);
        return await WriteAsync(http, StatusCodes.Status200OK, SecurityHeaders.PagePolicy,
            SubscriberPageHtml.Unsubscribed(SubscriberPages.Text(result.Language), result));
    }

    /// <summary><c>GET /digests/{deliveryId}?token=</c>: the archived digest ("view in browser").</summary>
    public static async Task<IResult> ViewDigestAsync(HttpContext http, string deliveryId, [FromQuery] string? token, ViewDigestHandler handler)
    {
        var result = await handler.GetAsync(deliveryId, token, http.RequestAborted);
        if (result.Outcome != PageOutcome.Ok)
            return await RefuseAsync(http, result.Outcome);
        return await WriteAsync(http, StatusCodes.Status200OK, SecurityHeaders.DigestPolicy, result.Html!);
    }

    /// <summary><c>GET /documents/{documentId}?token=&amp;hl=</c>: the source page, cited ranges highlighted.</summary>
    public static async Task<IResult> SourcePageAsync(
        HttpContext http, string documentId, [FromQuery] string? token, [FromQuery] string? hl, SourcePageHandler handler)
    {
        var result = await handler.GetAsync(documentId, token, hl, http.RequestAborted);
        if (result.Outcome != PageOutcome.Ok)
            return await RefuseAsync(http, result.Outcome);
        return await WriteAsync(http, StatusCodes.Status200OK, SecurityHeaders.PagePolicy,
            SubscriberPageHtml.SourceDocument(SubscriberPages.Text(AcceptedLanguage(http)), result.Page!));
    }

    internal static Task<IResult> RefuseAsync(HttpContext http, PageOutcome outcome)
    {
        var status = outcome switch
        {
            PageOutcome.Malformed => StatusCodes.Status400BadRequest,
            PageOutcome.Forbidden => StatusCodes.Status403Forbidden,
            PageOutcome.Expired => StatusCodes.Status410Gone,
            PageOutcome.NotFound => StatusCodes.Status404NotFound,
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a refusal."),
        };
        return WriteAsync(http, status, SecurityHeaders.PagePolicy,
            SubscriberPageHtml.Refusal(SubscriberPages.Text(AcceptedLanguage(http)), outcome));
    }

    internal static async Task<IResult> WriteAsync(HttpContext http, int status, string contentSecurityPolicy, string html)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = HtmlContentType;
        SecurityHeaders.Apply(http.Response.Headers, contentSecurityPolicy);
        await http.Response.WriteAsync(html, http.RequestAborted);
        return Results.Empty;
    }

    /// <summary>When the subscriber is not known (a refused token), the browser's first language chooses.</summary>
    internal static string? AcceptedLanguage(HttpContext http) => http.Request.Headers[HeaderNames.AcceptLanguage].ToString();
}
