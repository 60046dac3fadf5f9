using System.Text.Json;
using System.Text.Json.Serialization;
using DigestPipeline.Core.Access;
using DigestPipeline.Core.Uploads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DigestPipeline.Web;

/// <summary>
/// The upload API: <c>POST /api/documents</c> (a raw body named by <c>?name=</c> or <c>Content-Disposition</c>, or
/// <c>multipart/form-data</c> with one or several files; an optional <c>sourceUrl</c>) answered 202 with the upload's
/// id and status address, and <c>GET /api/documents/{id}</c>, the upload's state, themes and summaries. Bodies stream
/// into <c>incoming</c> (<see cref="ApiUploadHandler"/>); nothing is held whole.
/// </summary>
public static class DocumentApiEndpoints
{
    public const string Route = "/api/documents";

    /// <summary>The parts of a multipart body other than files (a <c>sourceUrl</c> field) are a URL at most.</summary>
    private const int MaxFieldBytes = 8 * 1024;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IEndpointRouteBuilder MapDocumentApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, UploadAsync);
        endpoints.MapGet(Route + "/{id}", GetAsync);
        return endpoints;
    }

    /// <summary><c>POST /api/documents[?name=][&amp;sourceUrl=]</c>.</summary>
    public static async Task<IResult> UploadAsync(HttpContext http, ApiAccess access, ApiUploadHandler handler, IOptions<ApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        NoStore(http);
        var (caller, refusal) = await access.CheckAsync(http);
        if (caller is null)
            return refusal!;
        if (!TrySourceUrl(http.Request.Query["sourceUrl"], out var sourceUrl))
            return Problem(StatusCodes.Status400BadRequest, "badSourceUrl", "sourceUrl must be an absolute http or https address.");

        // Each file is capped while it streams; the whole request only needs a bound on the files it may carry.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = handler.MaxBytes * options.Value.MaxFilesPerRequest + 1024 * 1024;
        try
        {
            return MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                ? await UploadFilesAsync(http, type, caller, sourceUrl, handler, options.Value.MaxFilesPerRequest)
                : await UploadRawAsync(http, caller, sourceUrl, handler);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "tooLarge", "The request is larger than its files may be together.");
        }
    }

    /// <summary><c>GET /api/documents/{id}</c>: the upload's state; 404 for an id no upload has.</summary>
    public static async Task<IResult> GetAsync(HttpContext http, string id, ApiAccess access, UploadStateHandler handler)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(handler);
        NoStore(http);
        var (caller, refusal) = await access.CheckAsync(http);
        if (caller is null)
            return refusal!;
        var state = await handler.GetAsync(id, http.RequestAborted);
        return state is null
            ? Problem(StatusCodes.Status404NotFound, "notFound", "No upload has this id.")
            : Results.Json(UploadView.Of(state, StatusPath(state.Receipt.Id)), Json);
    }

    private static async Task<IResult> UploadRawAsync(HttpContext http, ApiCaller caller, Uri? sourceUrl, ApiUploadHandler handler)
    {
        var name = (string?)http.Request.Query["name"];
        if (string.IsNullOrEmpty(name) && ContentDispositionHeaderValue.TryParse(http.Request.Headers.ContentDisposition.ToString(), out var disposition))
            name = FileNameOf(disposition);
        var result = await handler.ReceiveAsync(
            new UploadRequest(name, http.Request.ContentType, sourceUrl, http.Request.ContentLength, caller.Id), http.Request.Body, http.RequestAborted);
        if (result.Receipt is not { } receipt)
            return Refused(result, []);
        http.Response.Headers.Location = StatusPath(receipt.Id);
        return Results.Json(Accepted(receipt), Json, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>
    /// The files of a multipart body in order, each streamed into its own upload. A <c>sourceUrl</c> field applies to the
    /// files after it. When a file is refused, the files before it stay accepted (whole and already on their way to
    /// ingest): the answer is the refusal, listing them.
    /// </summary>
    private static async Task<IResult> UploadFilesAsync(HttpContext http, MediaTypeHeaderValue type, ApiCaller caller, Uri? sourceUrl, ApiUploadHandler handler, int maxFiles)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
            return Problem(StatusCodes.Status400BadRequest, "badMultipart", "The multipart body has no boundary.");
        var reader = new MultipartReader(boundary, http.Request.Body);
        var accepted = new List<UploadView.AcceptedUpload>();
        while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                continue;
            if (!disposition.IsFileDisposition())
            {
                if (HeaderUtilities.RemoveQuotes(disposition.Name).Equals("sourceUrl", StringComparison.Ordinal))
                {
                    var value = await ReadFieldAsync(section.Body, http.RequestAborted);
                    if (!TrySourceUrl(value, out sourceUrl))
                        return Refused(new UploadResult(UploadOutcome.BadName, Problem: "sourceUrl must be an absolute http or https address."), accepted, "badSourceUrl");
                }

                continue;
            }

            if (accepted.Count >= maxFiles)
                return Refused(new UploadResult(UploadOutcome.TooLarge, Problem: $"At most {maxFiles} files per request."), accepted);
            var result = await handler.ReceiveAsync(new UploadRequest(FileNameOf(disposition), section.ContentType, sourceUrl, null, caller.Id), section.Body, http.RequestAborted);
            if (result.Receipt is not { } receipt)
                return Refused(result, accepted);
            accepted.Add(Accepted(receipt));
        }

        switch (accepted.Count)
        {
            case 0:
                return Problem(StatusCodes.Status400BadRequest, "noFile", "The multipart body has no file part (a part with a filename).");
            case 1:
                http.Response.Headers.Location = accepted[0].Status;
                return Results.Json(accepted[0], Json, statusCode: StatusCodes.Status202Accepted);
            default:
                return Results.Json(new { uploads = accepted }, Json, statusCode: StatusCodes.Status202Accepted);
        }
    }

    private static IResult Refused(UploadResult result, List<UploadView.AcceptedUpload> accepted, string? error = null)
    {
        var (status, code) = result.Outcome switch
        {
            UploadOutcome.TooLarge => (StatusCodes.Status413PayloadTooLarge, "tooLarge"),
            UploadOutcome.UnsupportedType => (StatusCodes.Status415UnsupportedMediaType, "unsupportedType"),
            UploadOutcome.Empty => (StatusCodes.Status400BadRequest, "empty"),
            _ => (StatusCodes.Status400BadRequest, error ?? "badName"),
        };
        return Results.Json(new ApiProblem(code, result.Problem ?? code, accepted.Count > 0 ? accepted : null), Json, statusCode: status);
    }

    internal static IResult Problem(int status, string error, string problem) => Results.Json(new ApiProblem(error, problem), Json, statusCode: status);

    private static UploadView.AcceptedUpload Accepted(UploadReceipt receipt) => new(receipt.Id, receipt.FileName, StatusPath(receipt.Id), "received");

    private static string StatusPath(string id) => $"{Route}/{id}";

    private static string? FileNameOf(ContentDispositionHeaderValue disposition)
    {
        var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName;
        return HeaderUtilities.RemoveQuotes(name).Value;
    }

    private static bool TrySourceUrl(string? value, out Uri? url)
    {
        url = null;
        if (string.IsNullOrWhiteSpace(value))
            return true;
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
            return false;
        url = parsed;
        return true;
    }

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return read > MaxFieldBytes ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }

    /// <summary>Answers about one caller's uploads: never kept by a shared cache.</summary>
    private static void NoStore(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
    }

    private sealed record ApiProblem(string Error, string Problem, IReadOnlyList<UploadView.AcceptedUpload>? Uploads = null);
}
