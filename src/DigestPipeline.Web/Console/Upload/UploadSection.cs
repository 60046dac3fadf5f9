using System.Globalization;
using System.Text.Json;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Localization;
using DigestPipeline.Core.Uploads;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace DigestPipeline.Web.Console.Upload;

/// <summary>
/// The console's upload: <c>GET upload</c>, a form for several files (and a drop zone); <c>POST upload</c>, each file
/// through the upload API's own intake (<see cref="ApiUploadHandler"/>: format judged on its first bytes, size capped
/// as it streams, a blob in <c>incoming</c> and a receipt), answered with each file's outcome, as a page or, for the
/// page's script (<see cref="UploadScript"/>, one file per request), as JSON; <c>GET upload/{id}</c>, where an upload
/// is (<see cref="UploadStateHandler"/>).
/// </summary>
internal sealed class UploadSection(ApiUploadHandler uploads, UploadStateHandler states) : IConsoleSection
{
    /// <summary>
    /// Files one request may carry; the rest are refused by name. Each file is stored in turn while the browser
    /// waits, so the count bounds one request's work and wait, and keeps its outcome page readable. The page's script
    /// sends every file in a request of its own, so an operator dropping fifty files is not held to it. The same
    /// number as the upload API's default (<c>Api:MaxFilesPerRequest</c>).
    /// </summary>
    public const int MaxFilesPerRequest = 10;

    private const string Section = "upload";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Map(ConsoleRoutes routes) => routes
        .Get("upload", request => PageAsync(request, [], "", StatusCodes.Status200OK))
        .Post("upload", ReceiveAsync)
        .Get("upload/{id}", ShowStateAsync);

    private async Task<IResult> ReceiveAsync(ConsoleRequest request)
    {
        var http = request.Http;
        // A request of the script is still unread here: each file is capped as it streams, the request only needs a
        // bound for its count. (The plain form's was read by the frame, under the host's own limit.)
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = uploads.MaxBytes * MaxFilesPerRequest + 1024 * 1024;
        var caller = "console:" + request.Operator.Name;
        var text = request.Text;
        var outcomes = new List<UploadOutcomeView>();
        var problem = "";
        var status = StatusCodes.Status200OK;
        try
        {
            await foreach (var file in UploadedFiles.ReadAsync(http, request.Aborted))
            {
                outcomes.Add(outcomes.Count >= MaxFilesPerRequest
                    ? Refused(file.Name, "tooMany", text.Format("UploadTooManyFormat", MaxFilesPerRequest), text)
                    : Outcome(file.Name, await uploads.ReceiveAsync(
                        new UploadRequest(file.Name, file.ContentType, null, file.Length, caller), file.Content, request.Aborted), text));
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The files before stay accepted: whole, and already on their way to ingest.
            status = StatusCodes.Status413PayloadTooLarge;
            problem = text.Format("UploadRequestTooLargeFormat", RequestLimit(http));
        }

        if (outcomes.Count == 0 && problem.Length == 0)
        {
            status = StatusCodes.Status400BadRequest;
            problem = text.Get("UploadNoFile");
        }

        if (WantsJson(http))
        {
            var files = outcomes.Select(o => new
            {
                o.Name,
                o.Outcome,
                Reason = NullIfEmpty(o.Reason),
                Id = NullIfEmpty(o.Id),
                State = NullIfEmpty(o.Url),
                Problem = NullIfEmpty(o.Problem),
            });
            return Results.Json(new { files, problem = NullIfEmpty(problem) }, Json, statusCode: status);
        }

        return await PageAsync(request, outcomes, problem, status);
    }

    private async Task<IResult> ShowStateAsync(ConsoleRequest request)
    {
        if (await states.GetAsync(request.Route("id"), request.Aborted) is not { } state)
            return await request.MessageAsync(StatusCodes.Status404NotFound, request.Text.Get("NotFoundTitle"), request.Text.Get("UploadNotFound"));
        var record = state.Record;
        var view = new UploadStateView(
            state.Receipt.Id,
            state.Receipt.FileName,
            state.Receipt.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
            state.Receipt.Caller,
            state.Status.ToString().ToLowerInvariant(),
            record?.Reason ?? "",
            record is null ? "" : "/console/documents/" + Uri.EscapeDataString(record.Id),
            record?.Title ?? state.Summaries?.Title ?? "",
            record?.Language ?? "",
            state.Summaries?.Themes.Select(t => t.Label("en")).ToList() ?? [],
            record?.NoTheme ?? false);
        return await request.PageAsync("upload-state", view, request.Text.Format("UploadStateTitleFormat", state.Receipt.FileName), Section);
    }

    private Task<IResult> PageAsync(ConsoleRequest request, List<UploadOutcomeView> outcomes, string problem, int status)
    {
        var accepted = outcomes.Count(o => o.Outcome == UploadOutcomeView.Accepted);
        var view = new UploadFormView(
            DocumentReader.AcceptedFormatsText,
            DocumentReader.FormatSize(uploads.MaxBytes),
            uploads.MaxBytes,
            MaxFilesPerRequest,
            RequestLimit(request.Http),
            outcomes,
            outcomes.Count == 0 ? "" : request.Text.Format("UploadSummaryFormat", accepted, outcomes.Count),
            problem);
        return request.PageAsync("upload", view, request.Text.Get("UploadTitle"), Section, UploadScript.Source, status);
    }

    private static UploadOutcomeView Outcome(string? name, UploadResult result, CultureText text) => result.Receipt is { } receipt
        ? new UploadOutcomeView(receipt.FileName, UploadOutcomeView.Accepted, "", receipt.Id, "/console/upload/" + receipt.Id, "")
        : Refused(name, ReasonOf(result.Outcome), result.Problem ?? "", text);

    private static UploadOutcomeView Refused(string? name, string reason, string problem, CultureText text) =>
        new(string.IsNullOrWhiteSpace(name) ? text.Get("UploadNoName") : name, UploadOutcomeView.Refused, reason, "", "", problem);

    private static string ReasonOf(UploadOutcome outcome) => outcome switch
    {
        UploadOutcome.UnsupportedType => "unsupportedType",
        UploadOutcome.TooLarge => "tooLarge",
        UploadOutcome.Empty => "empty",
        _ => "badName",
    };

    /// <summary>What the host takes in one request, in words ("28.6 MB"); empty when it does not say.</summary>
    private static string RequestLimit(HttpContext http) =>
        http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit ? DocumentReader.FormatSize(limit) : "";

    private static bool WantsJson(HttpContext http) =>
        MediaTypeHeaderValue.TryParseList(http.Request.Headers.Accept, out var types)
        && types.Any(t => t.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
