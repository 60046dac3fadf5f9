using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Summaries;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Core.Removal;

/// <summary>
/// <c>digest remove</c>: takes a document out of the pipeline. Its theme index entries go first, so no digest
/// composed from then on shows it; then its summaries, its normalised text and its upload (only while the upload still
/// holds this content; for a rejected upload, also its quarantined copy); its Documents row stays, marked
/// <see cref="DocumentStatus.Removed"/>. Safe to run again
/// after a failure. Digests already sent, and their archived pages, keep what they showed.
/// </summary>
public sealed class RemoveDocumentHandler(
    IUploadStore uploads,
    IQuarantine quarantine,
    IDocumentStore documents,
    IDocumentRecords records,
    ISummaryStore summaries,
    IThemeIndex themeIndex,
    DocumentReader reader,
    TimeProvider time,
    ILogger<RemoveDocumentHandler> logger)
{
    /// <returns>The document's row as removed; null when no document has this id.</returns>
    public async Task<DocumentRecord?> RemoveAsync(string documentId, CancellationToken cancellationToken)
    {
        var record = await records.GetRecordAsync(documentId, cancellationToken);
        if (record is null)
            return null;

        using var scope = PipelineTelemetry.TagDocument(logger, documentId);
        if (await summaries.GetAsync(documentId, cancellationToken) is { } summarized)
        {
            await themeIndex.RemoveAsync(summarized, cancellationToken);
            await summaries.DeleteAsync(documentId, cancellationToken);
        }

        await documents.DeleteAsync(documentId, cancellationToken);
        await DeleteUploadAsync(record, cancellationToken);
        var removed = record with { Status = DocumentStatus.Removed, UpdatedAt = time.GetUtcNow(), Themes = null, NoTheme = false };
        await records.SetRecordAsync(removed, cancellationToken);
        logger.LogInformation("Removed document {DocumentId}", documentId);
        return removed;
    }

    /// <summary>The upload goes only if it still reads as this document: a new file uploaded under the same name stays.</summary>
    private async Task DeleteUploadAsync(DocumentRecord record, CancellationToken cancellationToken)
    {
        if (record.Status == DocumentStatus.Rejected)
        {
            await DeleteRejectedUploadAsync(record, cancellationToken);
            return;
        }

        var upload = await uploads.ReadIncomingAsync(record.SourceName, reader.MaxBytes, cancellationToken);
        if (upload is null || upload.Truncated)
            return;

        string uploadedId;
        try
        {
            uploadedId = reader.Read(upload.Name, upload.Content, time.GetUtcNow(), cancellationToken: cancellationToken).Id;
        }
        catch (DocumentRejectedException)
        {
            return;
        }

        if (uploadedId == record.Id)
            await uploads.DeleteIncomingAsync(upload.Name, upload.ETag, cancellationToken);
    }

    /// <summary>
    /// A rejected upload's row is keyed by its blob version: the upload and its quarantined copy go when they are
    /// that version. An unsafe name is never used to address a blob, so such an upload stays where it is.
    /// </summary>
    private async Task DeleteRejectedUploadAsync(DocumentRecord record, CancellationToken cancellationToken)
    {
        if (UploadName.Problem(record.SourceName) is not null)
            return;

        if (await uploads.ReadIncomingAsync(record.SourceName, 0, cancellationToken) is { } upload
            && DocumentRecord.RejectedUploadId(upload.Name, upload.ETag) == record.Id)
        {
            await uploads.DeleteIncomingAsync(upload.Name, upload.ETag, cancellationToken);
        }

        if (await quarantine.QuarantinedVersionAsync(record.SourceName, cancellationToken) is { } quarantined
            && DocumentRecord.RejectedUploadId(record.SourceName, quarantined) == record.Id)
        {
            await quarantine.DeleteQuarantinedAsync(record.SourceName, cancellationToken);
        }
    }
}
