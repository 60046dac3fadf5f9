namespace DigestPipeline.Core.Pipeline;

/// <summary>Message of the <c>summarize</c> queue.</summary>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the span that sent it, if any (see <see cref="PipelineTelemetry.TraceParentOf"/>).</param>
public sealed record SummarizeMessage(int SchemaVersion, string DocumentId, string? TraceParent = null)
{
    public const int CurrentVersion = 1;
}
