using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DigestPipeline.Core.Documents;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Core.Uploads;

/// <summary>
/// An API upload ends as any upload does: a blob in <c>incoming</c> with its metadata (the source URL), which the blob
/// watcher (or Event Grid) hands to ingest. Each upload gets its own blob, <c>api/{upload id}/{file name}</c>, so that
/// two clients sending a "report.pdf" never replace each other's; the same content sent twice is still one document,
/// since ingest names documents by their text. The format is checked on the first bytes by the reader's own checks
/// (<see cref="DocumentReader.RefusedFormat"/>) and the size while the body streams into the blob.
/// </summary>
public sealed partial class ApiUploadHandler(IUploadIntake intake, IUploadReceipts receipts, DocumentReader reader, TimeProvider time, ILogger<ApiUploadHandler> logger)
{
    /// <summary>The bytes read before anything is stored, to judge the format: the reader's sniffers look no further than this.</summary>
    public const int FormatWindow = 4096;

    public const string BlobPrefix = "api/";

    public long MaxBytes => reader.MaxBytes;

    /// <summary>Whether <paramref name="id"/> has the form of an upload id (32 lowercase hex characters).</summary>
    public static bool IsUploadId(string? id) => id is not null && UploadIdForm().IsMatch(id);

    public async Task<UploadResult> ReceiveAsync(UploadRequest request, Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        var fileName = FileNameOf(request.FileName);
        if (fileName is null)
            return new UploadResult(UploadOutcome.BadName, Problem: "No file name: give ?name=, a Content-Disposition filename, or a filename on each multipart file.");
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var blobName = BlobPrefix + id + "/" + fileName;
        if (UploadName.Problem(blobName) is { } problem)
            return new UploadResult(UploadOutcome.BadName, Problem: $"The file name cannot be used: {problem}.");
        if (request.DeclaredLength > reader.MaxBytes)
            return TooLarge(request, fileName, reader.MaxBytes);

        var head = new byte[FormatWindow];
        var headLength = await body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (headLength == 0)
            return new UploadResult(UploadOutcome.Empty, Problem: $"'{fileName}' is empty (0 bytes).");
        if (DocumentReader.RefusedFormat(fileName, head.AsSpan(0, headLength)) is { } refused)
        {
            logger.LogInformation("API upload of {FileName} by {Caller} refused: {Reason}", fileName, request.Caller, refused.Reason);
            return new UploadResult(UploadOutcome.UnsupportedType, Problem: refused.Message);
        }

        var metadata = new UploadMetadata(null, request.SourceUrl, null, null, null).ToBlobMetadata();
        var content = new CappedUploadStream(head.AsMemory(0, headLength), body, reader.MaxBytes);
        string eTag;
        try
        {
            eTag = await intake.PutAsync(blobName, content, ContentTypeOf(request.ContentType), metadata, cancellationToken);
        }
        catch (UploadTooLargeException e)
        {
            return TooLarge(request, fileName, e.MaxBytes);
        }

        var receipt = new UploadReceipt(id, fileName, blobName, eTag, request.SourceUrl, time.GetUtcNow(), request.Caller);
        await receipts.AddAsync(receipt, cancellationToken);
        logger.LogInformation("API upload {UploadId} of {FileName} ({Bytes} bytes) by {Caller} stored as {BlobName}",
            id, fileName, content.BytesRead, request.Caller, blobName);
        return new UploadResult(UploadOutcome.Accepted, receipt);
    }

    private UploadResult TooLarge(UploadRequest request, string fileName, long maxBytes)
    {
        logger.LogInformation("API upload of {FileName} by {Caller} refused: larger than {MaxBytes} bytes", fileName, request.Caller, maxBytes);
        return new UploadResult(UploadOutcome.TooLarge,
            Problem: string.Create(CultureInfo.InvariantCulture, $"'{fileName}' is larger than the {maxBytes:N0}-byte limit for a document (Documents:MaxBytes)."));
    }

    /// <summary>The client's name without its folders (a browser may send "C:\docs\a.pdf"), trimmed; null when nothing is left.</summary>
    private static string? FileNameOf(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        var last = name[(name.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        return last.Length == 0 || last is "." or ".." ? null : last;
    }

    /// <summary>The client's content type when it is one header line; the generic binary type otherwise (the reader sniffs the bytes anyway).</summary>
    private static string ContentTypeOf(string? contentType) =>
        string.IsNullOrWhiteSpace(contentType) || contentType.Any(char.IsControl) || contentType.Length > 200 ? "application/octet-stream" : contentType;

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex UploadIdForm();
}
