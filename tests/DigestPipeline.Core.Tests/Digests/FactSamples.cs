using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Core.Tests.Digests;

/// <summary>Digest items of one theme whose sentences report the same facts in other words, for the merge tests.</summary>
internal static class FactSamples
{
    public static readonly DateTimeOffset Morning = new(2025, 12, 8, 8, 0, 0, TimeSpan.Zero);

    public const string SummitFr = "À Miami, le Tech Basel AI Summit 2025 a réuni plus de 400 dirigeants technologiques, chercheurs, investisseurs et responsables publics.";
    public const string SummitFrReworded = "Plus de 400 dirigeants technologiques, chercheurs et investisseurs ont été réunis à Miami par le Tech Basel AI Summit 2025.";
    public const string StartupsFr = "En 2024, les startups de la région ont levé plus de 4 milliards de dollars.";
    public const string HospitalsFr = "Les hôpitaux testent des assistants d’IA pour détecter les cancers avant le stade 1.";

    public const string GridEn = "Requests to connect new data centres to the grid have tripled over the past two years, utilities say.";
    public const string GridEnReworded = "Utilities say that requests to connect new data centres to the grid have tripled in two years.";
    public const string GridEnWithFigure = "Utilities say requests to connect new data centres to the grid tripled since 2023.";
    public const string RadiologyEn = "Radiology was the first department to adopt AI at scale, and it remains the clearest success.";

    /// <summary>One document's summary on one theme; sentence <c>i</c> starts at offset <c>100 × i</c>.</summary>
    public static DigestItem Item(string id, string title, string language, double themeScore, DateTimeOffset summarizedAt, params string[] sentences) => new(
        DocumentId: id,
        DocumentTitle: title,
        SourceName: $"{id}.txt",
        Language: language,
        Sentences: sentences.Select((text, i) => new SummarySentence(id, 1, "Section", i * 100, text.Length, text, 1.0)).ToList(),
        KeyPhrases: [],
        ThemeScore: themeScore,
        SummarizedAt: summarizedAt);
}
