using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary><c>POST /unsubscribe?token=</c>: RFC 8058 one-click unsubscribe.</summary>
public sealed class UnsubscribeOneClick(UnsubscribeHandler handler)
{
    [Function(nameof(UnsubscribeOneClick))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "unsubscribe")] HttpRequest request) =>
        SubscriberPageEndpoints.UnsubscribeOneClickAsync(request.HttpContext, request.Query["token"], handler);
}
