using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Tests.Subscribers;

namespace DigestPipeline.Core.Tests.Digests;

/// <summary>Digest content for the composer tests: three themes, six items, two subscribers' languages.</summary>
internal static class DigestSamples
{
    public static readonly DateTimeOffset Period = new(2025, 3, 3, 7, 0, 0, TimeSpan.Zero);

    /// <summary>The delivery id the ledger gives sub-1's digest for <see cref="Period"/>.</summary>
    public const string DeliveryId = "sub-1-20250303T0700Z";

    /// <summary>A composer whose links are signed with <see cref="TokenSamples.Secret"/> on <see cref="TokenSamples.BaseUrl"/>.</summary>
    public static DigestComposer Composer(TimeProvider? time = null) => new(TokenSamples.Links(time));

    public static ComposedDigest Compose(DigestContent content) => Composer().Compose(content, DeliveryId);

    public static Subscriber Subscriber(string language = "fr", string displayName = "Marie Curie") => new(
        Id: "sub-1",
        Email: "marie@example.org",
        DisplayName: displayName,
        Themes: ["sante", "energie", "securite", "open-source"],
        Language: language,
        Schedule: "0 8 * * 1",
        TimeZone: "Europe/Paris",
        State: SubscriberState.Active,
        CreatedAt: Period.AddDays(-30));

    public static DigestItem Item(string documentId, string title, string source, params string[] sentences) => new(
        DocumentId: documentId,
        DocumentTitle: title,
        SourceName: source,
        Language: "fr",
        Sentences: sentences
            .Select((text, i) => new SummarySentence(documentId, i / 2, $"Partie {i / 2 + 1}", i * 100, text.Length, text, 1.0 - i * 0.1))
            .ToList(),
        KeyPhrases: ["centres de données", "électricité"],
        ThemeScore: 5.0,
        SummarizedAt: Period.AddHours(-1));

    /// <summary>Santé: 3 items, Énergie et calcul: 2, Sécurité nationale: 1 (given in another order on purpose).</summary>
    public static DigestContent Content(string language = "fr") => new(
        Subscriber(language),
        Period,
        [
            new DigestThemeGroup("securite", "Sécurité nationale",
            [
                Item("doc-sec", "Cyberdéfense : la doctrine évolue", "Le Monde", "La doctrine française évolue."),
            ]),
            new DigestThemeGroup("sante", "Santé",
            [
                Item("doc-a", "L’IA à l’hôpital", "Libération", "Les hôpitaux testent des assistants.", "Les médecins restent prudents."),
                Item("doc-b", "Vaccins : nouvelle campagne", "Santé publique France", "La campagne commence en octobre."),
                Item("doc-c", "Pénurie de médicaments", "Les Échos", "Certaines molécules manquent encore."),
            ]),
            new DigestThemeGroup("energie", "Énergie et calcul",
            [
                Item("doc-d", "Les centres de données consomment", "RTE", "La consommation électrique des centres de données double."),
                Item("doc-e", "Nucléaire et IA", "Reuters", "Les exploitants signent des contrats de long terme."),
            ]),
        ]);

    public static DigestContent WithThemes(DigestContent content, params DigestThemeGroup[] themes) =>
        content with { Themes = themes };
}
