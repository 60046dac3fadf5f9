using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

/// <summary>
/// The French seed article, read by the real reader and summarised with the sample taxonomy, gets the themes a
/// French reader would name, each summarised mostly from the section that speaks of it.
/// </summary>
public sealed class Seed_article_gets_its_themes
{
    private static readonly Lazy<DocumentSummaries> SeedSummaries = new(() => ThemeSamples.Summarize(ThemeSamples.ReadSeedArticle()));

    [Fact]
    public void The_declared_themes_a_french_reader_names_are_all_found()
    {
        var ids = SeedSummaries.Value.Themes.Select(t => t.ThemeId).ToArray();

        ids.ShouldContain("health");
        ids.ShouldContain("energy-compute");
        ids.ShouldContain("national-security");
        ids.ShouldContain("open-source-agents");
        ids.ShouldContain("physical-ai");
        ids.ShouldContain("ai-systems");
        ids.Length.ShouldBeLessThanOrEqualTo(new SummarizerOptions().MaxThemesPerDocument);
        SeedSummaries.Value.Themes.ShouldBe(SeedSummaries.Value.Themes.OrderByDescending(t => t.Score).ToArray());
    }

    [Theory]
    [InlineData("health", "Santé")]
    [InlineData("energy-compute", "Le compute devient un enjeu énergétique")]
    [InlineData("national-security", "Sécurité nationale")]
    [InlineData("open-source-agents", "De l’open source aux systèmes multi-agents")]
    [InlineData("physical-ai", "L’IA physique")]
    public void Each_theme_is_summarised_mostly_from_its_section(string themeId, string headingStart)
    {
        var theme = SeedSummaries.Value.Themes.Single(t => t.ThemeId == themeId);

        theme.Sentences.Count.ShouldBeInRange(2, 3);
        theme.Sentences.Count(s => s.Section.StartsWith(headingStart, StringComparison.Ordinal))
            .ShouldBeGreaterThan(theme.Sentences.Count / 2, $"{themeId}: {string.Join(" | ", theme.Sentences.Select(s => s.Section))}");
    }

    [Fact]
    public void Ai_as_a_system_is_summarised_from_the_nvidia_and_closing_sections()
    {
        var theme = SeedSummaries.Value.Themes.Single(t => t.ThemeId == "ai-systems");

        theme.Sentences.ShouldContain(s => s.Section.StartsWith("NVIDIA", StringComparison.Ordinal));
        theme.Sentences.ShouldContain(s => s.Text.Contains("pipeline"));
    }

    [Fact]
    public void Health_key_phrases_come_from_the_text()
    {
        var health = SeedSummaries.Value.Themes.Single(t => t.ThemeId == "health");

        health.KeyPhrases.ShouldNotBeEmpty();
        health.KeyPhrases.Count.ShouldBeLessThanOrEqualTo(5);
        health.KeyPhrases.ShouldContain("essais cliniques");
        // The theme's heading already says "Santé": the phrases say what the article says about it.
        health.KeyPhrases.ShouldNotContain("santé");
        var text = ThemeSamples.ReadSeedArticle().Text;
        health.KeyPhrases.ShouldAllBe(phrase => text.Contains(phrase));
    }

    [Fact]
    public void No_key_phrase_is_a_word_taken_in_another_sense()
    {
        // "la place centrale où se négocie…" is no power plant: energy's keyword is "centrale nucléaire", not "centrale".
        var energy = SeedSummaries.Value.Themes.Single(t => t.ThemeId == "energy-compute");

        energy.KeyPhrases.ShouldNotBeEmpty();
        energy.KeyPhrases.ShouldNotContain(phrase => phrase.Contains("centrale", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_section_is_covered_by_a_declared_theme()
    {
        SeedSummaries.Value.Themes.ShouldAllBe(t => !t.Discovered);
    }
}
