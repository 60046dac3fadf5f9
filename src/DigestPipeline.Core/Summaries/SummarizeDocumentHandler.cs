using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Core.Summaries;

/// <summary>
/// Queue <c>summarize</c>: finds a document's themes, writes its themed summaries and indexes them by theme.
/// The status row is written last, so a retry after any failure redoes the whole (deterministic) work. A document
/// that matches no theme of the taxonomy is never delivered (subscribers follow only those): its row says so
/// (<see cref="DocumentRecord.NoTheme"/>), a warning names it, and a metric counts it, so that it is not dropped
/// silently.
/// </summary>
public sealed class SummarizeDocumentHandler(
    IDocumentStore documents,
    IDocumentRecords records,
    ISummaryStore summaries,
    IThemeIndex themeIndex,
    DocumentSummarizer summarizer,
    TimeProvider time,
    PipelineTelemetry telemetry,
    ILogger<SummarizeDocumentHandler> logger) : IMessageHandler<SummarizeMessage>
{
    public async Task HandleAsync(SummarizeMessage message, CancellationToken cancellationToken)
    {

        using var scope = PipelineTelemetry.TagDocument(logger, message.DocumentId);
        var record = await records.GetRecordAsync(message.DocumentId, cancellationToken)
                     ?? throw new UnprocessableMessageException($"Document {message.DocumentId} has no status row; it was never ingested.");
        if (record.Status == DocumentStatus.Summarized)
        {
            logger.LogInformation("Document {DocumentId} is already summarized", message.DocumentId);
            return;
        }

        if (record.Status == DocumentStatus.Removed)
        {
            logger.LogInformation("Document {DocumentId} was removed; not summarized", message.DocumentId);
            return;
        }

        // Ingest writes the text before it sends this message, and nothing else writes it: a text missing now was lost
        // (an emulator crash, a deleted blob) and no retry brings it back. Poison at once, instead of retrying for
        // Queues:RetryFor; the repair pass ingests the upload again for a document left Received or Ingested.
        var document = await documents.GetAsync(message.DocumentId, cancellationToken)
                       ?? throw new UnprocessableMessageException(
                           $"Document {message.DocumentId} ({record.SourceName}) has lost its text (not in the documents container); the repair pass ingests its upload again.");

        var result = summarizer.Summarize(document, time.GetUtcNow());
        var noTheme = result.Themes.All(t => t.Discovered);
        await summaries.SaveAsync(result, cancellationToken);
        var firstSummary = record.Themes is null;
        if (firstSummary)
        {
            await themeIndex.AddAsync(result, cancellationToken);
        }
        else
        {
            // Summarized before (the repair pass sent it back because its summaries went missing): its index rows
            // were written then. Indexing again could add a second time row for a pair whose first-indexed row an
            // emulator crash lost, and send the document twice; restoring the summaries is enough.
            logger.LogWarning("Document {DocumentId} was summarized before: its summaries are restored, its theme index left as it is", document.Id);
        }

        await records.SetRecordAsync(
            record with
            {
                Status = DocumentStatus.Summarized,
                UpdatedAt = result.SummarizedAt,
                Themes = result.Themes.Select(t => t.ThemeId).ToList(),
                NoTheme = noTheme,
            },
            cancellationToken);
        telemetry.SummariesWritten();
        if (noTheme)
        {
            // Counted once per document: a repair that restores its summaries finds it as it was.
            if (firstSummary)
            {
                telemetry.DocumentWithoutTheme(document.Language);
            }

            logger.LogWarning("Document {DocumentId} ({SourceName}, language {Language}) matches no theme of the taxonomy: it will not be delivered",
                document.Id, document.SourceName, document.Language);
        }

        logger.LogInformation("Summarized document {DocumentId}: {ThemeCount} themes ({Themes})",
            document.Id, result.Themes.Count, string.Join(", ", result.Themes.Select(t => t.ThemeId)));
    }
}
