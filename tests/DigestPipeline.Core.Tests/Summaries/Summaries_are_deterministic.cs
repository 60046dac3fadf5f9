using System.Text.Json;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

public sealed class Summaries_are_deterministic
{
    [Fact]
    public void The_same_document_and_settings_give_the_same_summaries()
    {
        var document = ThemeSamples.ReadSeedArticle();
        var taxonomy = ThemeSamples.SeedTaxonomy();

        var first = JsonSerializer.Serialize(new DocumentSummarizer(taxonomy, new SummarizerOptions()).Summarize(document, ThemeSamples.At));
        var again = JsonSerializer.Serialize(new DocumentSummarizer(taxonomy, new SummarizerOptions()).Summarize(document, ThemeSamples.At));
        var parallel = Enumerable.Range(0, 8).AsParallel()
            .Select(_ => JsonSerializer.Serialize(new DocumentSummarizer(ThemeSamples.SeedTaxonomy(), new SummarizerOptions()).Summarize(document, ThemeSamples.At)))
            .Distinct()
            .ToArray();

        again.ShouldBe(first);
        parallel.ShouldBe([first]);
    }
}
