namespace DigestPipeline.Core.Pipeline;

/// <summary>Message of the <c>summarize</c> queue.</summary>
public sealed record SummarizeMessage(int SchemaVersion, string DocumentId)
{
    public const int CurrentVersion = 1;
}
