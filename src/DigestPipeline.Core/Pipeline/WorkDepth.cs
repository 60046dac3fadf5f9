namespace DigestPipeline.Core.Pipeline;

/// <summary>How many messages wait in one place: a handler's work (<c>ingest</c>) or its failed work (<c>ingest-poison</c>).</summary>
/// <param name="Failed">Whether these are messages that failed for good rather than work to do.</param>
public sealed record WorkDepth(string Name, int Depth, bool Failed);
