using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary><c>GET /unsubscribe?token=</c>: the confirmation page.</summary>
public sealed class UnsubscribePage(UnsubscribeHandler handler)
{
    [Function(nameof(UnsubscribePage))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "unsubscribe")] HttpRequest request) =>
        SubscriberPageEndpoints.UnsubscribePageAsync(request.HttpContext, request.Query["token"], handler);
}
