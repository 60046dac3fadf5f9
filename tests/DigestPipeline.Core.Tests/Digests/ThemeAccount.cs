using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Schedules.Fakes;
using DigestPipeline.Core.Tests.Themes;
using Xunit;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace DigestPipeline.Core.Tests.Digests;

/// <summary>
/// One theme's documents in memory, as summarize writes them (summaries and theme index), with a collector over them
/// whose index reads are counted: what the collection tests set up.
/// </summary>
internal sealed class ThemeAccount
{
    public const string Theme = "health";

    public CountingThemeIndex Index { get; } = new();

    public InMemorySummaryStore Summaries { get; } = new();

    public DigestContentCollector Collector(DigestOptions? options = null) =>
        new(Index, Summaries, ThemeSamples.SeedTaxonomy(), OptionsFactory.Create(options ?? new DigestOptions()));

    public async Task AddAsync(DocumentSummaries document)
    {
        await Summaries.SaveAsync(document, TestContext.Current.CancellationToken);
        await Index.AddAsync(document, TestContext.Current.CancellationToken);
    }

    /// <summary>The documents a digest shows, in its order.</summary>
    public static IEnumerable<string> Shown(DigestContent content) => content.Themes.SelectMany(t => t.Items).Select(i => i.DocumentId);

    /// <summary>A document with one sentence on <paramref name="theme"/>.</summary>
    public static DocumentSummaries Document(string id, DateTimeOffset at, string language = "en", string theme = Theme, string? sentence = null) =>
        new(id, $"{id}.txt", $"Document {id}", language, at,
        [
            new ThemedSummary(theme, new Dictionary<string, string> { ["en"] = theme }, false, 1,
                [new SummarySentence(id, 0, "", 0, 30, sentence ?? $"Finding {id} was reported.", 1.0)], []),
        ]);
}
