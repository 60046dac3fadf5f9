using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Core.Uploads;

/// <summary>
/// <c>GET /api/documents/{id}</c>: the upload's receipt, then the mark ingest leaves on that blob version (which names
/// the document, or the rejected upload's record), then that record and, once summarized, the summaries: point reads
/// only. The id a client holds is the upload's, since the document id exists only after ingest; the same content
/// uploaded twice leads both ids to the one document.
/// </summary>
public sealed class UploadStateHandler(IUploadReceipts receipts, IUploadStore uploads, IDocumentRecords records, ISummaryStore summaries)
{
    /// <returns>Null for an unknown id.</returns>
    public async Task<UploadState?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!ApiUploadHandler.IsUploadId(id) || await receipts.GetAsync(id, cancellationToken) is not { } receipt)
            return null;
        if (await uploads.GetUploadMarkAsync(receipt.BlobName, receipt.ETag, cancellationToken) is not { RecordId: { } recordId })
            return new UploadState(receipt, null, null);
        // A mark without its record (an emulator crash lost the row): still received as far as anyone can tell; the repair pass ingests it again.
        if (await records.GetRecordAsync(recordId, cancellationToken) is not { } record)
            return new UploadState(receipt, null, null);
        var summary = record.Status == DocumentStatus.Summarized ? await summaries.GetAsync(record.Id, cancellationToken) : null;
        return new UploadState(receipt, record, summary);
    }
}
