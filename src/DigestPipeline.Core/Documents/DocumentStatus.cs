namespace DigestPipeline.Core.Documents;

public enum DocumentStatus
{
    Received,
    Ingested,
    Summarized,
    Rejected,

    /// <summary>Taken out by <c>digest remove</c>: no text, summaries or index entries left.</summary>
    Removed,
}
