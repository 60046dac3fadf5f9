namespace DigestPipeline.Core.Subscriptions;

/// <summary>The subscriber's preferences (as stored, or as posted when invalid), or why the request was refused.</summary>
/// <param name="Language">The subscriber's language, which the page and the problems use; null when refused.</param>
/// <param name="Current">The settings as stored; null when refused.</param>
/// <param name="Saved">True when this request changed the stored settings (false when valid but the same, or refused).</param>
public sealed record PreferencesResult(
    PageOutcome Outcome, string? Language = null, SubscriberPreferences? Current = null, bool Saved = false)
{
    /// <summary>Set when the posted changes are not valid, one or more per field: nothing was written.</summary>
    public IReadOnlyList<FieldProblem> Problems { get; init; } = [];

    public bool IsInvalid => Problems.Count > 0;

    public static PreferencesResult Refused(PageOutcome outcome) => new(outcome);
}
