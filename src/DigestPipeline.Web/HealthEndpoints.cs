using System.Text.Json;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DigestPipeline.Web;

/// <summary>
/// <c>GET /healthz</c>: the process answers (liveness: 200 while it serves at all). <c>GET /readyz</c>: storage
/// answers the host's loops and each loop turned lately (200, else 503), with each loop's last successful turn and,
/// while failing, since when and why, as JSON for <c>digest status</c> and probes.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>A loop with no successful turn for this long is not ready (the slowest turns every 20 s: a timer's lease renewal).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary><c>/healthz</c> or <c>/readyz</c>: asked by probes, about the host rather than the pages.</summary>
    public static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");

    public static IEndpointRouteBuilder MapHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok\n", "text/plain; charset=utf-8"));
        endpoints.MapGet("/readyz", (HostHealth health) =>
        {
            var snapshot = health.Snapshot(StaleAfter);
            return Results.Json(snapshot, Json, statusCode: snapshot.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }

    /// <summary>
    /// A page that failed answers 503 with Retry-After: the page handlers turn every kind of bad input into an
    /// answer of their own, so what still throws is the infrastructure (storage, after the SDK's retries). The
    /// visitor tries again (every page's write is idempotent) and the failure is reported to <see cref="HostHealth"/>:
    /// logged once with its error when the pages start failing, once when they answer again, not once per request.
    /// </summary>
    public static IApplicationBuilder UseStorageOutagePage(this IApplicationBuilder app, HostHealth health) =>
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
                // A page answered: storage is back, as far as the pages know (the probes themselves say nothing).
                if (http.Response.StatusCode < 500 && !IsProbe(http.Request.Path))
                    health.Succeeded(Loop);
            }
            catch (Exception e) when (!http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted)
            {
                // A sign-up whose confirmation found the relay's quota taken (Mail:Smtp:QuotaPerMinute) is no outage.
                if (e is not RelayQuotaDeferredException)
                    health.Failed(Loop, e, TimeSpan.FromSeconds(30));
                http.Response.Clear();
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.Headers.RetryAfter = "30";
                SecurityHeaders.Apply(http.Response.Headers, SecurityHeaders.PagePolicy);
                http.Response.ContentType = "text/plain; charset=utf-8";
                // In the browser's language (Accept-Language), from the pages' resource files: storage is what failed, so
                // nothing of the visitor's own is read.
                await http.Response.WriteAsync(SubscriberPages.Text(SubscriberPageEndpoints.AcceptedLanguage(http)).Get("UnavailableText") + "\n");
            }
        });

    private const string Loop = "web pages";
}
