namespace DigestPipeline.Azure.Storage;

/// <summary>What a replay did: the ids moved back to <see cref="Queue"/>, and those it would not move with why.</summary>
public sealed record PoisonReplayResult(string Queue, IReadOnlyList<string> Replayed, IReadOnlyList<RefusedReplay> Refused);

public sealed record RefusedReplay(string Id, string Reason);
