namespace DigestPipeline.Core.Documents;

public enum DocumentStatus
{
    Received,
    Ingested,
    Summarized,
    Rejected,
}
