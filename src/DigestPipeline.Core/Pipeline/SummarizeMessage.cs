namespace DigestPipeline.Core.Pipeline;

/// <summary>Message of the <c>summarize</c> queue.</summary>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the span that sent it, if any (see <see cref="PipelineTelemetry.TraceParentOf"/>).</param>
public sealed record SummarizeMessage(int SchemaVersion, string DocumentId, string? TraceParent = null)
{
    public const int CurrentVersion = 1;

    /// <exception cref="FormatException">not a message of this queue, or of another schema version.</exception>
    public static SummarizeMessage Parse(string text)
    {
        var message = PipelineJson.Deserialize<SummarizeMessage>(text);
        return message.SchemaVersion == CurrentVersion
            ? message
            : throw new FormatException($"Unsupported summarize message version {message.SchemaVersion}.");
    }
}
