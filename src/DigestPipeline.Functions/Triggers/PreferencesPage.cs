using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Core.Themes;
using DigestPipeline.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary><c>GET /preferences?token=</c>: the pre-filled settings form.</summary>
public sealed class PreferencesPage(PreferencesHandler handler, ThemeTaxonomy taxonomy)
{
    [Function(nameof(PreferencesPage))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "preferences")] HttpRequest request) =>
        PreferencesPageEndpoints.PreferencesPageAsync(request.HttpContext, request.Query["token"], handler, taxonomy);
}
