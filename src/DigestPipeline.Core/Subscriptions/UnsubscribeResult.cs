namespace DigestPipeline.Core.Subscriptions;

/// <summary>What an unsubscribe request names, or why it was refused.</summary>
/// <param name="Language">The subscriber's language; null when the request was refused before reading the subscriber.</param>
/// <param name="ThemeId">The theme that stops; null when everything stops.</param>
/// <param name="ThemeLabel">The theme's label in <paramref name="Language"/> (its id when the taxonomy no longer has it).</param>
public sealed record UnsubscribeResult(PageOutcome Outcome, string? Language = null, string? ThemeId = null, string? ThemeLabel = null)
{
    public bool StopsEverything => ThemeId is null;

    public static UnsubscribeResult Refused(PageOutcome outcome) => new(outcome);
}
