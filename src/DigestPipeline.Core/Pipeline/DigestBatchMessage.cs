namespace DigestPipeline.Core.Pipeline;

/// <summary>Message of the <c>digest</c> queue: one batch of subscribers due for one digest each.</summary>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the span that sent it, if any (see <see cref="PipelineTelemetry.TraceParentOf"/>).</param>
public sealed record DigestBatchMessage(int SchemaVersion, IReadOnlyList<DigestRequest> Requests, string? TraceParent = null)
{
    public const int CurrentVersion = 1;
}

/// <param name="Period">The schedule occurrence (UTC) this digest is for; one digest per subscriber per period.</param>
/// <param name="OnDemand">
/// Asked for by an operator (<c>digest send</c>) for a period off the schedule; false for one the planner found due,
/// whose handler moves the subscriber on to their next occurrence (a message written before the field reads false).
/// </param>
public sealed record DigestRequest(string SubscriberId, DateTimeOffset Period, bool OnDemand = false);
