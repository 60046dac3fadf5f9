using LanguageTag = DigestPipeline.Core.Language.LanguageTag;

namespace DigestPipeline.Core.Subscribers;

/// <summary>
/// A digest recipient: who, which themes, in which language, which other languages they read, on which schedule in
/// which time zone.
/// </summary>
/// <param name="Schedule">A cron expression (5 fields) evaluated in <paramref name="TimeZone"/>.</param>
/// <param name="TimeZone">An IANA time zone id, such as <c>Europe/Paris</c>.</param>
public sealed record Subscriber(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Themes,
    string Language,
    string Schedule,
    string TimeZone,
    SubscriberState State,
    DateTimeOffset CreatedAt)
{
    /// <summary>
    /// The languages the subscriber reads besides their digest language (<see cref="Language"/>), as ISO 639-1 codes of
    /// <see cref="ReadingLanguages.Offered"/>: their digests also carry documents in these, labelled. None by
    /// default: a digest then carries documents in its own language only (and those whose language is unknown).
    /// </summary>
    public IReadOnlyList<string> AlsoReads { get; init; } = [];

    /// <summary>
    /// Whether the subscriber reads a document in <paramref name="language"/>: their digest language or one they chose.
    /// Compares primary subtags, so that <c>fr-CA</c> is read by a French reader.
    /// </summary>
    public bool Reads(string language)
    {
        var primary = LanguageTag.Primary(language);
        return primary.Equals(LanguageTag.Primary(Language), StringComparison.Ordinal)
               || AlsoReads.Any(other => primary.Equals(LanguageTag.Primary(other), StringComparison.Ordinal));
    }

    /// <summary>The id of an address: the same address (case aside) is always the same subscriber.</summary>
    public static string IdFor(string email)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 12));
    }
}

public enum SubscriberState
{
    Active,
    Unsubscribed,

    /// <summary>The mail server rejected the address permanently <see cref="Digests.DigestOptions.BounceLimit"/> times in a row: no more digests.</summary>
    Bouncing,

    /// <summary>Signed up, not yet confirmed (double opt-in): no digest until the confirmation link is followed.</summary>
    Pending,
}
