using DigestPipeline.Core.Language;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

public sealed class Themed_summaries_respect_a_word_budget
{
    [Fact]
    public void No_theme_summary_of_the_seed_exceeds_the_words_per_theme()
    {
        var options = new SummarizerOptions { MaxSentencesPerTheme = 3, MaxWordsPerTheme = 30 };

        var summaries = new DocumentSummarizer(ThemeSamples.SeedTaxonomy(), options).Summarize(ThemeSamples.ReadSeedArticle(), ThemeSamples.At);

        summaries.Themes.ShouldNotBeEmpty();
        summaries.Themes.ShouldAllBe(t => t.Sentences.Count >= 1 && t.Sentences.Count <= 3);
        summaries.Themes.ShouldAllBe(t => t.Sentences.Sum(s => WordCount.Of(s.Text)) <= 30);
    }
}
