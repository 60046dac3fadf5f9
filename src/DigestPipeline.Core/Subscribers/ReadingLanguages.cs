using DigestPipeline.Core.Language;

namespace DigestPipeline.Core.Subscribers;

/// <summary>
/// The languages a subscriber may say they read besides their digest language: those the language detector knows,
/// since a document's language is the detector's answer (or its uploader's tag), and a choice the detector never
/// gives would choose nothing.
/// </summary>
public static class ReadingLanguages
{
    /// <summary>The choices the sign-up and preferences pages offer, in the detector's order (ISO 639-1).</summary>
    public static IReadOnlyList<string> Offered => LanguageDetector.Languages;

    public static bool IsOffered(string? code) => Offered.Contains(LanguageTag.Primary(code), StringComparer.Ordinal);

    /// <summary>
    /// What <see cref="Subscriber.AlsoReads"/> stores for the languages chosen: each once, by its primary subtag, in
    /// the offered order, without the digest language (always read, so never stored). The caller has checked
    /// them (<see cref="IsOffered"/>); any other is kept after the offered ones rather than dropped unseen.
    /// </summary>
    public static IReadOnlyList<string> Others(string digestLanguage, IEnumerable<string> chosen)
    {
        var digest = LanguageTag.Primary(digestLanguage);
        var others = chosen.Select(LanguageTag.Primary)
            .Where(code => code.Length > 0 && code != digest)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(Rank)
            .ThenBy(code => code, StringComparer.Ordinal)
            .ToArray();

        // None is the property's own default instance, so that a subscriber who chose none equals one built without.
        return others.Length == 0 ? [] : others;
    }

    /// <summary>The code's place among the offered ones; after them all when it is not one.</summary>
    private static int Rank(string code)
    {
        for (var i = 0; i < Offered.Count; i++)
        {
            if (Offered[i] == code)
                return i;
        }

        return Offered.Count;
    }
}
