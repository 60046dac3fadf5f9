using System.Text.Json;
using System.Text.Json.Serialization;
using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Core.Themes;
using DigestPipeline.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace DigestPipeline.Web;

/// <summary>
/// Sign-up: <c>GET /</c> and <c>GET /subscribe</c> (the landing page with the form), <c>POST /subscribe</c> (an HTML form post answered with a page, or
/// <c>application/json</c> answered with <c>{status, problems[]}</c>), <c>GET /confirm?token=</c>.
/// </summary>
/// <remarks>
/// No antiforgery token on <c>POST /subscribe</c>: there is no session or cookie for a forged cross-site post to
/// ride on, the post only does what anyone may do from the page itself (ask for a confirmation email, limited per
/// address and per client), and nothing changes until the address's owner follows the emailed link. The form is
/// read by hand (not bound with <c>[FromForm]</c>) so that minimal APIs add no antiforgery requirement either.
/// </remarks>
public static class SubscribePageEndpoints
{
    /// <summary>A sign-up is a few hundred bytes; anything much larger is refused before reading it.</summary>
    internal const long MaxBodyBytes = 16 * 1024;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static IEndpointRouteBuilder MapSubscribePages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", LandingAsync);
        endpoints.MapGet("/subscribe", SubscribeFormAsync);
        endpoints.MapPost("/subscribe", SubscribeAsync);
        endpoints.MapGet("/confirm", ConfirmAsync);
        return endpoints;
    }

    /// <summary><c>GET /[?lang=]</c>: the landing page: what the service is, each theme in a line, a sample digest, the sign-up form.</summary>
    public static Task<IResult> LandingAsync(HttpContext http, [FromQuery] string? lang, ThemeTaxonomy taxonomy)
    {
        var text = SubscriberPages.Text(lang ?? SubscriberPageEndpoints.AcceptedLanguage(http));
        return SubscriberPageEndpoints.WriteAsync(http, StatusCodes.Status200OK, SecurityHeaders.SubscribeFormPolicy,
            SubscribePageHtml.Landing(text, taxonomy, text.Get("LandingTitle"), "/"));
    }

    /// <summary><c>GET /subscribe[?lang=]</c>: the same page under the sign-up's title.</summary>
    public static Task<IResult> SubscribeFormAsync(HttpContext http, [FromQuery] string? lang, ThemeTaxonomy taxonomy)
    {
        var text = SubscriberPages.Text(lang ?? SubscriberPageEndpoints.AcceptedLanguage(http));
        return SubscriberPageEndpoints.WriteAsync(http, StatusCodes.Status200OK, SecurityHeaders.SubscribeFormPolicy,
            SubscribePageHtml.Landing(text, taxonomy, text.Get("SubscribeTitle"), "/subscribe"));
    }

    /// <summary><c>POST /subscribe</c>: a form post answered with a page, or JSON answered with JSON.</summary>
    public static async Task<IResult> SubscribeAsync(HttpContext http, SubscribeHandler handler, ThemeTaxonomy taxonomy)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var clientKey = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (http.Request.HasJsonContentType())
            return await SubscribeJsonAsync(http, handler, clientKey);
        if (!http.Request.HasFormContentType)
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);

        var form = await ReadFormAsync<SubscribeForm>(http);
        var result = await handler.SubscribeAsync(form.ToRequest(clientKey), http.RequestAborted);
        var text = SubscriberPages.Text(result.Language);
        return result.Outcome switch
        {
            SubscribeOutcome.Accepted => await SubscriberPageEndpoints.WriteAsync(http, StatusCodes.Status200OK, SecurityHeaders.PagePolicy,
                SubscribePageHtml.CheckInbox(text)),
            SubscribeOutcome.TooManyRequests => await SubscriberPageEndpoints.WriteAsync(http, StatusCodes.Status429TooManyRequests,
                SecurityHeaders.PagePolicy, SubscribePageHtml.TooMany(text)),
            _ => await SubscriberPageEndpoints.WriteAsync(http, StatusCodes.Status400BadRequest, SecurityHeaders.PagePolicy,
                SubscribePageHtml.Form(text, taxonomy, form, result.Problems)),
        };
    }

    /// <summary><c>GET /confirm?token=</c>: the double opt-in link.</summary>
    public static async Task<IResult> ConfirmAsync(HttpContext http, [FromQuery] string? token, ConfirmHandler handler)
    {
        var result = await handler.ConfirmAsync(token, http.RequestAborted);
        if (result.Outcome != PageOutcome.Ok)
            return await SubscriberPageEndpoints.RefuseAsync(http, result.Outcome);
        return await SubscriberPageEndpoints.WriteAsync(http, StatusCodes.Status200OK, SecurityHeaders.PagePolicy,
            SubscribePageHtml.Confirmed(SubscriberPages.Text(result.Language), result));
    }

    private static async Task<IResult> SubscribeJsonAsync(HttpContext http, SubscribeHandler handler, string clientKey)
    {
        SecurityHeaders.Apply(http.Response.Headers, SecurityHeaders.PagePolicy);
        SubscribeForm? form;
        try
        {
            form = await http.Request.ReadFromJsonAsync<SubscribeForm>(Json, http.RequestAborted);
        }
        catch (JsonException)
        {
            form = null;
        }

        if (form is null)
        {
            return Results.Json(new SubscribeAnswer("invalid", [new FieldProblem("body", "The body is not a JSON object of the subscribe fields.")]),
                Json, statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await handler.SubscribeAsync(form.ToRequest(clientKey), http.RequestAborted);
        var (status, code) = result.Outcome switch
        {
            SubscribeOutcome.Accepted => ("accepted", StatusCodes.Status202Accepted),
            SubscribeOutcome.TooManyRequests => ("tooManyRequests", StatusCodes.Status429TooManyRequests),
            _ => ("invalid", StatusCodes.Status400BadRequest),
        };
        return Results.Json(new SubscribeAnswer(status, result.Problems), Json, statusCode: code);
    }

    /// <summary>The posted form's fields (the preferences form has the subscribe form's, less email and name).</summary>
    internal static async Task<TForm> ReadFormAsync<TForm>(HttpContext http) where TForm : SubscribeForm, new()
    {
        var fields = await http.Request.ReadFormAsync(http.RequestAborted);
        return new TForm
        {
            Email = fields["email"],
            Name = fields["name"],
            Themes = fields["themes"].Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToList(),
            Language = fields["language"],
            ReadingLanguages = fields["readingLanguages"].Where(l => !string.IsNullOrEmpty(l)).Select(l => l!).ToList(),
            Frequency = fields["frequency"],
            Day = fields["day"],
            Time = fields["time"],
            Cron = fields["cron"],
            TimeZone = fields["timeZone"],
        };
    }

    private sealed record SubscribeAnswer(string Status, IReadOnlyList<FieldProblem> Problems);
}
