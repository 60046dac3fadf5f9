using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Core.Uploads;

/// <summary>
/// Where an API upload is: received (ingest has not read it yet), then the state of the record ingest wrote for it
/// (ingested, summarized, rejected with its reason, removed), with the document's summaries once summarized.
/// </summary>
/// <param name="Record">The document's (or the rejected upload's) record; null while received.</param>
/// <param name="Summaries">The document's themes and summaries; null until summarized (or when the summaries blob is missing: the repair pass writes it again).</param>
public sealed record UploadState(UploadReceipt Receipt, DocumentRecord? Record, DocumentSummaries? Summaries)
{
    public DocumentStatus Status => Record?.Status ?? DocumentStatus.Received;
}
