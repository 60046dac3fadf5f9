using DigestPipeline.Core.Themes;
using DigestPipeline.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary><c>GET /subscribe</c>: the sign-up form.</summary>
public sealed class SubscribePage(ThemeTaxonomy taxonomy)
{
    [Function(nameof(SubscribePage))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "subscribe")] HttpRequest request) =>
        SubscribePageEndpoints.SubscribeFormAsync(request.HttpContext, request.Query["lang"], taxonomy);
}
