namespace DigestPipeline.Web.Console.Upload;

/// <summary>Where one upload is (<see cref="Core.Uploads.UploadStateHandler"/>): received, then the record ingest wrote for it.</summary>
/// <param name="State">The status as a word: received, ingested, summarized, rejected, removed.</param>
/// <param name="Reason">Why rejected; empty otherwise.</param>
/// <param name="DocumentUrl">The record's console page once ingest has read the upload; empty before.</param>
/// <param name="Themes">The themes' labels once summarized.</param>
internal sealed record UploadStateView(
    string Id,
    string FileName,
    string ReceivedAt,
    string Caller,
    string State,
    string Reason,
    string DocumentUrl,
    string Title,
    string Language,
    IReadOnlyList<string> Themes,
    bool NoTheme);
