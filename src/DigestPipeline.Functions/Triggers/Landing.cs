using DigestPipeline.Core.Themes;
using DigestPipeline.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary>
/// <c>GET /</c>: the landing page. A route cannot be empty; an optional parameter of length 0 matches the site root
/// only, and <c>AzureWebJobsDisableHomepage</c> (infra/) keeps the Functions host's own page from answering there.
/// </summary>
public sealed class Landing(ThemeTaxonomy taxonomy)
{
    [Function(nameof(Landing))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{root:maxlength(0)?}")] HttpRequest request) =>
        SubscribePageEndpoints.LandingAsync(request.HttpContext, request.Query["lang"], taxonomy);
}
