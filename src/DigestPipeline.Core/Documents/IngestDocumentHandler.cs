using System.Diagnostics;
using System.Text.Json;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Core.Documents;

/// <summary>
/// Ingest: an upload that arrived (<see cref="UploadArrived"/>, a BlobCreated event at the edge) becomes a
/// normalised document, or a quarantined blob with its reason. The same content under any name is one document;
/// running twice is a no-op.
/// Whatever the outcome, the upload's version is marked handled last, so that the repair pass knows which uploads
/// never got this far (an event lost with an emulator's unflushed state, a claim left by a crashed watcher).
/// </summary>
public sealed class IngestDocumentHandler(
    IUploadStore uploads,
    IQuarantine quarantine,
    IDocumentStore documents,
    IDocumentRecords records,
    IMessagePublisher publisher,
    DocumentReader reader,
    TimeProvider time,
    PipelineTelemetry telemetry,
    ILogger<IngestDocumentHandler> logger) : IMessageHandler<UploadArrived>
{
    public async Task HandleAsync(UploadArrived upload, CancellationToken cancellationToken)
    {
        var blobName = upload.BlobName;
        if (UploadName.Problem(blobName) is { } problem)
        {
            await RefuseNameAsync(upload, problem, cancellationToken);
            return;
        }

        var blob = await uploads.ReadIncomingAsync(blobName, reader.MaxBytes, cancellationToken);
        if (blob is null)
        {
            logger.LogWarning("Upload {BlobName} no longer exists; nothing to ingest", blobName);
            return;
        }

        var now = time.GetUtcNow();
        SourceDocument document;
        try
        {
            if (blob.Truncated)
                throw DocumentReader.TooLarge(blobName, blob.Length, reader.MaxBytes);
            document = WithOrigin(reader.Read(blobName, blob.Content, now, cancellationToken: cancellationToken), UploadMetadata.Read(blob.Metadata));
        }
        catch (DocumentRejectedException rejection)
        {
            await RejectAsync(blob, rejection, now, cancellationToken);
            return;
        }

        using var scope = PipelineTelemetry.TagDocument(logger, document.Id);
        var existing = await records.GetRecordAsync(document.Id, cancellationToken);
        if (existing is { Status: DocumentStatus.Summarized } && await IsUpdatedItemAsync(document, cancellationToken))
        {
            // A feed item published again with new content (same identity, so same id): its text and summaries are
            // replaced. Its record keeps its themes, so summarize restores the summaries and leaves the theme index as
            // it is: each (theme, document) pair keeps the time it was first indexed and so falls in the one digest
            // window it fell in before; a subscriber who had it is not sent it again, one whose digest is not out yet
            // gets the new text. A theme only the new text has is not indexed (it would be a second sending).
            await documents.SaveAsync(document, cancellationToken);
            await records.SetRecordAsync(existing with { Status = DocumentStatus.Ingested, UpdatedAt = now, Title = document.Title, Language = document.Language }, cancellationToken);
            await publisher.PublishAsync(new SummarizeMessage(SummarizeMessage.CurrentVersion, document.Id, Activity.Current?.Id), cancellationToken);
            await uploads.MarkUploadHandledAsync(blobName, blob.ETag, document.Id, cancellationToken);
            logger.LogInformation("Upload {BlobName} is a new version of item document {DocumentId}: its text is replaced", blobName, document.Id);
            return;
        }

        if (existing is { Status: DocumentStatus.Summarized })
        {
            logger.LogInformation("Upload {BlobName} has the content of document {DocumentId}, already summarized", blobName, document.Id);
            await uploads.MarkUploadHandledAsync(blobName, blob.ETag, document.Id, cancellationToken);
            return;
        }

        // Saved again on a retry too (the same bytes): summarize then finds the document even if a store lost it.
        await documents.SaveAsync(document, cancellationToken);
        if (existing is not { Status: DocumentStatus.Ingested })
        {
            await records.SetRecordAsync(
                new DocumentRecord(document.Id, blobName, DocumentStatus.Ingested, now, document.Language, document.Title, Sample: document.Sample),
                cancellationToken);
            telemetry.DocumentIngested();
        }

        // Sent again when a previous attempt stopped after recording "ingested": summarizing twice is harmless.
        await publisher.PublishAsync(new SummarizeMessage(SummarizeMessage.CurrentVersion, document.Id, Activity.Current?.Id), cancellationToken);
        if (document.Sample is { } sample)
        {
            logger.LogWarning("Document {DocumentId} ({BlobName}) has {SentencesInText} sentences: its themes and summaries consider {SentencesConsidered} of them, spread over every section (Documents__MaxSentences)",
                document.Id, blobName, sample.InText, sample.Considered);
        }

        await uploads.MarkUploadHandledAsync(blobName, blob.ETag, document.Id, cancellationToken);
        logger.LogInformation("Ingested {BlobName} as document {DocumentId} ({Language}, {Sentences} sentences)",
            blobName, document.Id, document.Language, document.SentencesInText);
    }

    /// <summary>
    /// What the upload's metadata says of its origin: a feed item's (or fetched page's) title replaces the one read from
    /// the page, its link is the source digests show, and its identity, when given, is the document's id: the same item
    /// polled again, or met in two feeds, is one document whatever its text became.
    /// </summary>
    private static SourceDocument WithOrigin(SourceDocument document, UploadMetadata origin) => document with
    {
        Id = origin.ItemId ?? document.Id,
        Title = origin.Title ?? document.Title,
        SourceUrl = origin.Link ?? document.SourceUrl,
    };

    /// <summary>An item document whose stored text differs from this upload's (a document named by its text never differs).</summary>
    private async Task<bool> IsUpdatedItemAsync(SourceDocument document, CancellationToken cancellationToken)
    {
        if (document.Id == DocumentId.FromNormalisedText(document.Text))
            return false;
        var stored = await documents.GetAsync(document.Id, cancellationToken);
        return stored is not null && !string.Equals(stored.Text, document.Text, StringComparison.Ordinal);
    }

    private async Task RejectAsync(IncomingBlob blob, DocumentRejectedException rejection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = DocumentRecord.RejectedUploadId(blob.Name, blob.ETag);
        using var scope = PipelineTelemetry.TagDocument(logger, id);
        await quarantine.QuarantineAsync(blob.Name, blob.ETag, rejection.Reason, rejection.Message, cancellationToken);
        await records.SetRecordAsync(
            new DocumentRecord(id, blob.Name, DocumentStatus.Rejected, now, Reason: $"{rejection.Reason}: {rejection.Message}"),
            cancellationToken);
        await uploads.MarkUploadHandledAsync(blob.Name, blob.ETag, id, cancellationToken);
        telemetry.DocumentRejected(rejection.Reason.ToString());
        logger.LogWarning("Rejected upload {BlobName} ({Reason}): {Message}; kept in quarantine", blob.Name, rejection.Reason, rejection.Message);
    }

    /// <summary>An unsafe name is recorded (keyed by the event's blob version), never used to address a blob.</summary>
    private async Task RefuseNameAsync(UploadArrived upload, string problem, CancellationToken cancellationToken)
    {
        var blobName = upload.BlobName;
        var id = DocumentRecord.RejectedUploadId(blobName, upload.ETag);
        // 'incoming' is what the uploader knows the upload area by (the README's storage layout), not an address.
        var message = $"Upload refused and left in 'incoming': {problem}.";
        await records.SetRecordAsync(new DocumentRecord(id, blobName, DocumentStatus.Rejected, time.GetUtcNow(), Reason: $"{RejectionReason.UnsafeName}: {message}"),
            cancellationToken);
        await uploads.MarkUploadHandledAsync(blobName, upload.ETag ?? "", id, cancellationToken);
        telemetry.DocumentRejected(nameof(RejectionReason.UnsafeName));
        logger.LogWarning("Refused upload (version {ETag}): {Problem}", upload.ETag, problem);
    }
}
