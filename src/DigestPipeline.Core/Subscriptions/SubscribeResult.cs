namespace DigestPipeline.Core.Subscriptions;

/// <summary>The answer to a sign-up.</summary>
/// <param name="Language">The language to answer in: the request's when it is <c>fr</c> or <c>en</c>, else <c>en</c>.</param>
/// <param name="Problems">Set when <paramref name="Outcome"/> is <see cref="SubscribeOutcome.Invalid"/>, one or more per field.</param>
public sealed record SubscribeResult(SubscribeOutcome Outcome, string Language, IReadOnlyList<FieldProblem> Problems)
{
    public static SubscribeResult Accepted(string language) => new(SubscribeOutcome.Accepted, language, []);
}
