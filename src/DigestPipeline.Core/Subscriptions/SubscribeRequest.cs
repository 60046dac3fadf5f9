using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>A sign-up as the subscribe page or its JSON endpoint received it, not yet validated.</summary>
/// <param name="Language">The subscriber's language, <c>fr</c> or <c>en</c>; problems are worded in it (English when it is neither).</param>
/// <param name="Schedule">Null when the form's frequency was not one the page offers.</param>
/// <param name="ClientKey">Who asked (the client's IP address), for the per-client limit.</param>
public sealed record SubscribeRequest(
    string? Email,
    string? Name,
    IReadOnlyList<string> Themes,
    string? Language,
    ScheduleChoice? Schedule,
    string ClientKey)
{
    /// <summary>The languages the subscriber reads besides <see cref="Language"/> (which may be among them); none by default.</summary>
    public IReadOnlyList<string> ReadingLanguages { get; init; } = [];
}
