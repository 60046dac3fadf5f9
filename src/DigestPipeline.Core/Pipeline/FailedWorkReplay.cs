namespace DigestPipeline.Core.Pipeline;

/// <summary>What a replay did: the ids sent back to <see cref="Queue"/>, and those it would not send with why.</summary>
public sealed record FailedWorkReplay(string Queue, IReadOnlyList<string> Replayed, IReadOnlyList<RefusedReplay> Refused);

public sealed record RefusedReplay(string Id, string Reason);
