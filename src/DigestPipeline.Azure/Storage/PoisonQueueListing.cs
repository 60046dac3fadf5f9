namespace DigestPipeline.Azure.Storage;

/// <summary>One poison queue: its work queue, its approximate depth and the messages listed.</summary>
public sealed record PoisonQueueListing(string Queue, string PoisonQueue, int Depth, IReadOnlyList<PoisonedMessage> Messages);
