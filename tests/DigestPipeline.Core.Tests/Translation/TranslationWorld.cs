using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Digests;
using DigestPipeline.Core.Translation;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DigestPipeline.Core.Tests.Translation;

/// <summary>
/// An enricher with a scripted model and an in-memory cache, and digest content with a French document for English
/// readers who read French too.
/// </summary>
internal sealed class TranslationWorld
{
    public static readonly IReadOnlyDictionary<string, string> English = new Dictionary<string, string>
    {
        ["Le sommet de Bâle"] = "The Basel summit",
        ["Santé"] = "Health",
        ["Le sommet de Bâle a réuni 1 200 chercheurs le 11 mai."] = "The Basel summit brought together 1,200 researchers on 11 May.",
        ["Les hôpitaux testent des assistants."] = "Hospitals are testing assistants.",
    };

    public TranslationWorld(ScriptedChatClient? chat = null)
    {
        Chat = chat ?? new ScriptedChatClient(Answer);
        var options = Options.Create(new TranslationOptions { Endpoint = "http://127.0.0.1:1/v1", Model = "test", RetryAfter = TimeSpan.FromMinutes(1) });
        Outage = new ProviderOutage(options, Time, OutageLog);
        Enricher = new DigestEnricher(new SentenceTranslator(Chat, Cache, options, Time), new LeadWriter(Chat, Cache, options, Time), Outage,
            options, Time, Telemetry, EnricherLog);
    }

    public FakeTimeProvider Time { get; } = new(DigestSamples.Period);

    public InMemoryTranslationCache Cache { get; } = new();

    public ScriptedChatClient Chat { get; }

    public RecordingLogger<ProviderOutage> OutageLog { get; } = new();

    public RecordingLogger<DigestEnricher> EnricherLog { get; } = new();

    public PipelineTelemetry Telemetry { get; } = new(null);

    public ProviderOutage Outage { get; }

    public DigestEnricher Enricher { get; }

    /// <summary>Translates each text of the request by <see cref="English"/>; writes a lead from the first extract.</summary>
    public static string Answer(string instructions, string request)
    {
        if (instructions.Contains("translate", StringComparison.OrdinalIgnoreCase))
        {
            var texts = System.Text.Json.JsonDocument.Parse(request).RootElement.GetProperty("texts").EnumerateArray().Select(t => t.GetString()!);
            return System.Text.Json.JsonSerializer.Serialize(new { translations = texts.Select(t => English[t]).ToArray() });
        }

        return "Researchers met in Basel, and hospitals are testing assistants.";
    }

    public static DigestContent FrenchArticleFor(string email) => new(
        DigestSamples.Subscriber("en") with { Id = Subscriber.IdFor(email), Email = email, AlsoReads = ["fr"] },
        DigestSamples.Period,
        [new DigestThemeGroup("sante", "Health", [FrenchArticle()])]);

    public static DigestItem FrenchArticle() => new(
        DocumentId: "doc-bale",
        DocumentTitle: "Le sommet de Bâle",
        SourceName: "bale.txt",
        Language: "fr",
        Sentences:
        [
            new SummarySentence("doc-bale", 0, "Santé", 0, 54, "Le sommet de Bâle a réuni 1 200 chercheurs le 11 mai.", 0.9),
            new SummarySentence("doc-bale", 0, "Santé", 60, 36, "Les hôpitaux testent des assistants.", 0.5),
        ],
        KeyPhrases: ["sommet", "hôpitaux"],
        ThemeScore: 5,
        SummarizedAt: DigestSamples.Period.AddHours(-1));
}
