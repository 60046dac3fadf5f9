using DigestPipeline.Core.Digests;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>
/// The languages a subscriber can get their digest in: those with both the digest's words
/// (<c>Digests/DigestStrings.{lang}.resx</c>) and the sign-up mail's (<c>Subscriptions/SubscriptionMailStrings.{lang}.resx</c>).
/// Adding a language is adding those files (and the pages', <c>Web/Pages/PageStrings.{lang}.resx</c>, for its pages; the
/// pages fall back to English without them): the forms, the checks and the subscribers file follow.
/// </summary>
public static class DigestLanguages
{
    private static readonly Lazy<IReadOnlyList<string>> Found = new(() =>
        DigestLabels.Catalog.Languages.Intersect(SubscriptionMail.Catalog.Languages, StringComparer.Ordinal).ToList());

    /// <summary>The neutral language (English) first, then the others in order of their tags.</summary>
    public static IReadOnlyList<string> Supported => Found.Value;

    /// <summary>The language a digest is written in when none is asked: the neutral one.</summary>
    public static string Default => Supported[0];

    public static bool IsSupported(string? language) => language is not null && Supported.Contains(language, StringComparer.Ordinal);
}
