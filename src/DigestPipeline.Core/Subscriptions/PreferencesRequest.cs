using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>A change of preferences as the preferences page or its JSON endpoint received it, not yet validated.</summary>
/// <param name="Themes">The themes wanted; none left unsubscribes.</param>
/// <param name="Language"><c>fr</c> or <c>en</c>.</param>
/// <param name="Schedule">Null when the form's frequency was not one the page offers.</param>
/// <param name="UnsubscribeAll">The "unsubscribe from everything" button: the other fields are ignored.</param>
public sealed record PreferencesRequest(
    IReadOnlyList<string> Themes,
    string? Language,
    ScheduleChoice? Schedule,
    bool UnsubscribeAll = false)
{
    /// <summary>
    /// The languages the subscriber reads besides <see cref="Language"/> (which may be among them). Like the themes, the
    /// whole choice: none leaves the digest language only.
    /// </summary>
    public IReadOnlyList<string> ReadingLanguages { get; init; } = [];
}
