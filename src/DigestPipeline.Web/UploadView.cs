using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Uploads;

namespace DigestPipeline.Web;

/// <summary>
/// The JSON of <c>GET /api/documents/{id}</c>: the upload, its state (<c>received</c>, <c>ingested</c>,
/// <c>summarized</c>, <c>rejected</c> with its reason, <c>removed</c>), and once summarized the document's id, title,
/// language, source URL and themes, each with its key phrases and summary (sentences with their offsets
/// <c>[start, end)</c> into the document's normalised text).
/// </summary>
public sealed record UploadView(
    string Id,
    string Name,
    string State,
    string Status,
    DateTimeOffset ReceivedAt,
    string? Reason,
    string? DocumentId,
    string? Title,
    string? Language,
    Uri? SourceUrl,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<UploadView.Theme> Themes)
{
    public static UploadView Of(UploadState state, string statusPath)
    {
        ArgumentNullException.ThrowIfNull(state);
        var record = state.Record;
        var summaries = state.Summaries;
        var language = record?.Language ?? summaries?.Language;
        return new UploadView(
            state.Receipt.Id,
            state.Receipt.FileName,
            state.Status.ToString().ToLowerInvariant(),
            statusPath,
            state.Receipt.ReceivedAt,
            record?.Reason,
            record is { Status: not DocumentStatus.Rejected } ? record.Id : null,
            record?.Title ?? summaries?.Title,
            language,
            summaries?.SourceUrl ?? state.Receipt.SourceUrl,
            record?.UpdatedAt,
            summaries?.Themes.Select(t => Theme.Of(t, language ?? "en")).ToList() ?? []);
    }

    public sealed record Theme(string Id, string Label, bool Discovered, double Score, IReadOnlyList<string> KeyPhrases, IReadOnlyList<Sentence> Summary)
    {
        public static Theme Of(ThemedSummary summary, string language) => new(
            summary.ThemeId,
            summary.Label(language),
            summary.Discovered,
            Math.Round(summary.Score, 4),
            summary.KeyPhrases,
            summary.Sentences.Select(s => new Sentence(s.Text, s.Start, s.Start + s.Length, s.Section)).ToList());
    }

    public sealed record Sentence(string Text, int Start, int End, string Section);

    /// <summary>The answer to an accepted upload (202): its id, file name, status address and state.</summary>
    public sealed record AcceptedUpload(string Id, string Name, string Status, string State);
}
