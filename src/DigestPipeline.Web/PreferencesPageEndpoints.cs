using System.Text.Json;
using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Core.Themes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace DigestPipeline.Web;

/// <summary>
/// <c>GET /preferences?token=</c> (the form, pre-filled) and <c>POST /preferences?token=</c> (an HTML form post
/// answered with the page again, or <c>application/json</c> answered with <c>{status, problems[]}</c>).
/// </summary>
/// <remarks>
/// No antiforgery token: as for <c>/unsubscribe</c>, the signed token in the URL is the credential (there is no
/// cookie for a cross-site post to ride on), and the form is read by hand so that minimal APIs add no requirement.
/// </remarks>
public static class PreferencesPageEndpoints
{
    public static IEndpointRouteBuilder MapPreferencesPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/preferences", PreferencesPageAsync);
        endpoints.MapPost("/preferences", SavePreferencesAsync);
        return endpoints;
    }

    /// <summary><c>GET /preferences?token=</c>: the form, pre-filled with the stored settings.</summary>
    public static async Task<IResult> PreferencesPageAsync(HttpContext http, [FromQuery] string? token, PreferencesHandler handler, ThemeTaxonomy taxonomy)
    {
        var result = await handler.GetAsync(token, http.RequestAborted);
        if (result.Outcome != PageOutcome.Ok)
            return await SubscriberPageEndpoints.RefuseAsync(http, result.Outcome);
        return await SubscriberPageEndpoints.WriteAsync(http, StatusCodes.Status200OK, SecurityHeaders.PagePolicy,
            PreferencesPageHtml.Form(result.Language!, taxonomy, result, PreferencesForm.Of(result.Current!), saved: false, token!));
    }

    /// <summary><c>POST /preferences?token=</c>: a form post answered with the page, or JSON answered with JSON.</summary>
    public static async Task<IResult> SavePreferencesAsync(HttpContext http, [FromQuery] string? token, PreferencesHandler handler, ThemeTaxonomy taxonomy)
    {
        if (http.Request.ContentLength > SubscribePageEndpoints.MaxBodyBytes)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (http.Request.HasJsonContentType())
            return await SaveJsonAsync(http, token, handler);
        if (!http.Request.HasFormContentType)
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);

        var form = await SubscribePageEndpoints.ReadFormAsync<PreferencesForm>(http);
        form.UnsubscribeAll = http.Request.Form["action"] == PreferencesForm.UnsubscribeAllAction;
        var result = await handler.SaveAsync(token, form.ToPreferencesRequest(), http.RequestAborted);
        if (result.Outcome != PageOutcome.Ok)
            return await SubscriberPageEndpoints.RefuseAsync(http, result.Outcome);
        if (result.IsInvalid)
        {
            return await SubscriberPageEndpoints.WriteAsync(http, StatusCodes.Status400BadRequest, SecurityHeaders.PagePolicy,
                PreferencesPageHtml.Form(result.Language!, taxonomy, result, form, saved: false, token!));
        }

        return await SubscriberPageEndpoints.WriteAsync(http, StatusCodes.Status200OK, SecurityHeaders.PagePolicy,
            PreferencesPageHtml.Form(result.Language!, taxonomy, result, PreferencesForm.Of(result.Current!), saved: true, token!));
    }

    private static async Task<IResult> SaveJsonAsync(HttpContext http, string? token, PreferencesHandler handler)
    {
        SecurityHeaders.Apply(http.Response.Headers, SecurityHeaders.PagePolicy);
        PreferencesForm? form;
        try
        {
            form = await http.Request.ReadFromJsonAsync<PreferencesForm>(SubscribePageEndpoints.Json, http.RequestAborted);
        }
        catch (JsonException)
        {
            form = null;
        }

        if (form is null)
        {
            return Results.Json(new PreferencesAnswer("invalid", [new FieldProblem("body", "The body is not a JSON object of the preferences fields.")]),
                SubscribePageEndpoints.Json, statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await handler.SaveAsync(token, form.ToPreferencesRequest(), http.RequestAborted);
        var (status, code) = result.Outcome switch
        {
            PageOutcome.Ok when result.IsInvalid => ("invalid", StatusCodes.Status400BadRequest),
            PageOutcome.Ok => ("saved", StatusCodes.Status200OK),
            PageOutcome.Malformed => ("malformed", StatusCodes.Status400BadRequest),
            PageOutcome.Forbidden => ("forbidden", StatusCodes.Status403Forbidden),
            PageOutcome.Expired => ("expired", StatusCodes.Status410Gone),
            _ => ("notFound", StatusCodes.Status404NotFound),
        };
        return Results.Json(new PreferencesAnswer(status, result.Problems), SubscribePageEndpoints.Json, statusCode: code);
    }

    private sealed record PreferencesAnswer(string Status, IReadOnlyList<FieldProblem> Problems);
}
