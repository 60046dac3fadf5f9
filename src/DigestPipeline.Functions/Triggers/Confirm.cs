using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary><c>GET /confirm?token=</c>: the double opt-in link.</summary>
public sealed class Confirm(ConfirmHandler handler)
{
    [Function(nameof(Confirm))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "confirm")] HttpRequest request) =>
        SubscribePageEndpoints.ConfirmAsync(request.HttpContext, request.Query["token"], handler);
}
