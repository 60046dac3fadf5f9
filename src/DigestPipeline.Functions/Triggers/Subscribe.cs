using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Core.Themes;
using DigestPipeline.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary><c>POST /subscribe</c>: a sign-up (form or JSON).</summary>
public sealed class Subscribe(SubscribeHandler handler, ThemeTaxonomy taxonomy)
{
    [Function(nameof(Subscribe))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "subscribe")] HttpRequest request) =>
        SubscribePageEndpoints.SubscribeAsync(request.HttpContext, handler, taxonomy);
}
