using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary><c>GET /digests/{deliveryId}?token=</c>: the archived digest.</summary>
public sealed class ViewDigest(ViewDigestHandler handler)
{
    [Function(nameof(ViewDigest))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "digests/{deliveryId}")] HttpRequest request, string deliveryId) =>
        SubscriberPageEndpoints.ViewDigestAsync(request.HttpContext, deliveryId, request.Query["token"], handler);
}
