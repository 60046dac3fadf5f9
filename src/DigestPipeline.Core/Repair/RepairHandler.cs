using System.Diagnostics;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Summaries;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Repair;

/// <summary>
/// The repair pass (timer, and <c>digest repair</c>): sends on again what a lost message left behind. Messages are
/// lost when a storage emulator crashes before flushing (Azurite persists about every 5 s), when a watcher crashes
/// between its claim and its event, or when an operator deletes a queue; Azure Storage itself keeps acknowledged
/// writes. It finds:
/// <list type="bullet">
/// <item>uploads in <c>incoming</c> older than <see cref="RepairOptions.StuckAfter"/> that ingest never marked handled,
/// or whose mark names a record that is gone: their BlobCreated event is sent again;</item>
/// <item>documents <c>Received</c> or <c>Ingested</c> for longer than that, and <c>Summarized</c> ones whose summaries
/// blob is missing: sent to <c>summarize</c> again (the latter first set back to <c>Ingested</c>, since summarize
/// skips summarized documents), or, when their normalised text is missing too, their upload's event again.</item>
/// <item>active subscribers missing from the due index (<see cref="DueIndexRepair"/>).</item>
/// </list>
/// Every action is one a handler absorbs if the original message was only late, so running twice is harmless; at
/// most <see cref="RepairOptions.MaxActionsPerRun"/> actions per pass, each logged and counted.
/// </summary>
public sealed class RepairHandler(
    IUploadStore uploads,
    IDocumentStore documents,
    IDocumentRecords records,
    ISummaryStore summaries,
    DueIndexRepair dueIndex,
    IMessagePublisher publisher,
    IOptions<RepairOptions> options,
    PipelineTelemetry telemetry,
    ILogger<RepairHandler> logger) : ITimerHandler
{
    /// <summary>Every 10 minutes: a lost message is a rare event, and each pass lists the account's uploads.</summary>
    public const string Every10Minutes = "0 */10 * * * *";

    public string Name => "Repair";

    public string Schedule => Every10Minutes;

    public Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken) => RepairAsync(now, cancellationToken);

    public async Task<RepairReport> RepairAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var activity = telemetry.ActivitySource.StartActivity("Repair");
        var settings = options.Value;
        var stuckBefore = now - settings.StuckAfter;
        var budget = settings.MaxActionsPerRun;
        int republished = 0, summarizeResent = 0, ingestResent = 0, unrepairable = 0, deferred = 0;

        var incoming = await uploads.ListIncomingAsync(cancellationToken).ToListAsync(cancellationToken);
        var marks = await uploads.ListUploadMarksAsync(cancellationToken);
        var rows = await records.ListRecordsAsync(cancellationToken).ToListAsync(cancellationToken);
        var recorded = rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        bool Stuck(IncomingUpload upload) =>
            upload.LastModified < stuckBefore
            && !(marks.GetValueOrDefault(upload.Key)?.RecordId is { } recordId && recorded.Contains(recordId))
            && !(marks.GetValueOrDefault(upload.Key)?.RepublishedAt >= stuckBefore);
        foreach (var upload in incoming.Where(Stuck).OrderBy(u => u.LastModified))
        {
            if (budget-- <= 0) { deferred++; continue; }
            await PublishAsync(upload, now, cancellationToken);
            await uploads.MarkUploadRepublishedAsync(upload.Name, upload.ETag, now, cancellationToken);
            republished++;
            logger.LogWarning("Repair: upload {BlobName} ({ETag}) was never ingested; its BlobCreated event is sent again", upload.Name, upload.ETag);
            telemetry.Repaired("upload-republished");
        }

        var texts = await documents.ListDocumentIdsAsync(cancellationToken).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        var summarized = await summaries.ListDocumentIdsAsync(cancellationToken).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        var stuck = rows.Where(r =>
            (r.Status is DocumentStatus.Received or DocumentStatus.Ingested && r.UpdatedAt < stuckBefore)
            || (r.Status is DocumentStatus.Summarized && !summarized.Contains(r.Id)));
        foreach (var record in stuck.OrderBy(r => r.UpdatedAt))
        {
            if (budget-- <= 0) { deferred++; continue; }
            using var scope = PipelineTelemetry.TagDocument(logger, record.Id);
            if (record.Status == DocumentStatus.Summarized)
                logger.LogWarning("Repair: document {DocumentId} is summarized but its summaries are missing; summarizing it again", record.Id);

            // Summarize skips a summarized document, so it is set back; and the new time makes the next pass wait
            // StuckAfter before sending it once more (its message may just be waiting in a long queue).
            await records.SetRecordAsync(record with { Status = DocumentStatus.Ingested, UpdatedAt = now }, cancellationToken);

            if (texts.Contains(record.Id))
            {
                await publisher.PublishAsync(new SummarizeMessage(SummarizeMessage.CurrentVersion, record.Id, Activity.Current?.Id), cancellationToken);
                summarizeResent++;
                logger.LogWarning("Repair: document {DocumentId} ({Status} since {UpdatedAt:u}) sent to summarize again", record.Id, record.Status, record.UpdatedAt);
                telemetry.Repaired("summarize-resent");
            }
            else if (incoming.FirstOrDefault(u => u.Name == record.SourceName) is { } upload)
            {
                // Ingest writes the text again and sends summarize (it skips only summarized documents).
                await PublishAsync(upload, now, cancellationToken);
                ingestResent++;
                logger.LogWarning("Repair: document {DocumentId} has lost its text; its upload {BlobName} is ingested again", record.Id, record.SourceName);
                telemetry.Repaired("ingest-resent");
            }
            else
            {
                unrepairable++;
                logger.LogError("Repair: document {DocumentId} ({Status}) has neither its text nor its upload {BlobName}; upload it again", record.Id, record.Status, record.SourceName);
                telemetry.Repaired("unrepairable");
            }
        }

        var rescheduled = await dueIndex.RepairAsync(now, cancellationToken);
        var report = new RepairReport(republished, summarizeResent, ingestResent, unrepairable, deferred, rescheduled);
        if (report.Actions > 0 || unrepairable > 0)
        {
            logger.LogWarning("Repair: {Republished} upload(s) published again, {Summarize} document(s) sent to summarize, {Ingest} to ingest; {Unrepairable} unrepairable, {Deferred} left for the next pass",
                republished, summarizeResent, ingestResent, unrepairable, deferred);
        }

        return report;
    }

    private Task PublishAsync(IncomingUpload upload, DateTimeOffset now, CancellationToken cancellationToken) =>
        publisher.PublishAsync(new UploadArrived(upload.Name, upload.ETag.Trim('"'), upload.Url, upload.Length, upload.ContentType, now), cancellationToken);
}
