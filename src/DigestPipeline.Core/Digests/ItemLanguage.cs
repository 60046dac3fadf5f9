using DigestPipeline.Core.Language;
using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// What a document's language decides in a digest: whether it is shown (the subscriber reads it) and whether it is
/// labelled with its language (shown, but not in the digest's language).
/// </summary>
internal static class ItemLanguage
{
    /// <summary>
    /// Shown when the subscriber reads the language (<see cref="Subscriber.Reads"/>), or when it could not be detected
    /// (<see cref="LanguageDetector.Unknown"/>, or none given): such a text is short or mixed, so it may well be in the
    /// reader's language, and leaving it out would drop it for every subscriber without anyone seeing why.
    /// </summary>
    public static bool IsShownTo(Subscriber subscriber, string? language) =>
        IsUndetermined(language) || subscriber.Reads(language!);

    /// <summary>
    /// Labelled with its language when that is not the digest's: the subscriber chose to read it, and the label says
    /// why the item reads differently. An undetected language has nothing true to label it with.
    /// </summary>
    public static bool IsLabelled(string digestLanguage, string? language) =>
        !IsUndetermined(language) && LanguageTag.Primary(language) != LanguageTag.Primary(digestLanguage);

    private static bool IsUndetermined(string? language) =>
        string.IsNullOrWhiteSpace(language) || LanguageTag.Primary(language) == LanguageDetector.Unknown;
}
