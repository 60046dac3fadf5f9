namespace DigestPipeline.Core.Repair;

/// <summary>What one repair pass found and did.</summary>
/// <param name="UploadsRepublished">Uploads never marked handled by ingest, whose BlobCreated event was sent again.</param>
/// <param name="SummarizeResent">Documents left <c>Ingested</c> (or <c>Summarized</c> with their summaries missing) sent to <c>summarize</c> again.</param>
/// <param name="IngestResent">Such documents whose normalised text was missing too: their upload's event was sent again.</param>
/// <param name="Unrepairable">Stuck documents whose text and upload are both gone (named in the log).</param>
/// <param name="Deferred">Actions left for the next pass (over <see cref="RepairOptions.MaxActionsPerRun"/>).</param>
/// <param name="SubscribersRescheduled">Active subscribers missing from the due index, placed at their next occurrence (<see cref="DueIndexRepair"/>).</param>
public sealed record RepairReport(int UploadsRepublished, int SummarizeResent, int IngestResent, int Unrepairable, int Deferred, int SubscribersRescheduled = 0)
{
    public int Actions => UploadsRepublished + SummarizeResent + IngestResent + SubscribersRescheduled;
}
