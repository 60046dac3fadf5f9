using DigestPipeline.Core.Uploads;
using DigestPipeline.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace DigestPipeline.Functions.Triggers;

/// <summary><c>GET /api/documents/{id}</c>: an API upload's state, themes and summaries.</summary>
public sealed class UploadStatus(ApiAccess access, UploadStateHandler handler)
{
    [Function(nameof(UploadStatus))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/documents/{id}")] HttpRequest request, string id) =>
        DocumentApiEndpoints.GetAsync(request.HttpContext, id, access, handler);
}
