namespace DigestPipeline.Core.Subscriptions;

/// <summary>A source document's page, or why it is not shown.</summary>
/// <param name="Page">Set only when <paramref name="Outcome"/> is <see cref="PageOutcome.Ok"/>.</param>
public sealed record SourcePageResult(PageOutcome Outcome, SourcePage? Page = null);
