namespace DigestPipeline.Core.Pipeline;

/// <summary>One place of failed work: the work it came from, its own name, its approximate depth and the messages listed.</summary>
/// <param name="Queue">The work the messages failed in (<c>digest</c>): where a replay sends them.</param>
/// <param name="PoisonQueue">Where they are kept (<c>digest-poison</c>).</param>
public sealed record FailedWorkListing(string Queue, string PoisonQueue, int Depth, IReadOnlyList<FailedMessage> Messages);
