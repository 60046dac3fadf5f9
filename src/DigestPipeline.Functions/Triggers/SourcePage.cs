using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary><c>GET /documents/{documentId}?token=&amp;hl=</c>: the source page.</summary>
public sealed class SourcePage(SourcePageHandler handler)
{
    [Function(nameof(SourcePage))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "documents/{documentId}")] HttpRequest request, string documentId) =>
        SubscriberPageEndpoints.SourcePageAsync(request.HttpContext, documentId, request.Query["token"], request.Query["hl"], handler);
}
