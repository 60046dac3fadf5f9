using DigestPipeline.Core.Uploads;
using DigestPipeline.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Functions.Triggers;

/// <summary><c>POST /api/documents</c>: an upload through the API (anonymous to the Functions host: the app checks the API key or Entra ID token).</summary>
public sealed class UploadDocument(ApiAccess access, ApiUploadHandler handler, IOptions<ApiOptions> options)
{
    [Function(nameof(UploadDocument))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/documents")] HttpRequest request) =>
        DocumentApiEndpoints.UploadAsync(request.HttpContext, access, handler, options);
}
