namespace DigestPipeline.Core.Subscriptions;

/// <summary>The archived HTML of one sent digest, or why it is not shown.</summary>
/// <param name="Html">Set only when <paramref name="Outcome"/> is <see cref="PageOutcome.Ok"/>.</param>
public sealed record ArchivedDigestResult(PageOutcome Outcome, string? Html = null);
