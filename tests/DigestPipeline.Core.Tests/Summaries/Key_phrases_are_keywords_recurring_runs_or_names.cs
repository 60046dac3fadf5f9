using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

public sealed class Key_phrases_are_keywords_recurring_runs_or_names
{
    private static readonly Core.Summaries.ThemedSummary OpenSource = ThemeSamples.Summarize(ThemeSamples.Document("en",
            ThemeSamples.Title("Digital committee"),
            ThemeSamples.Heading("Open data and open source"),
            ThemeSamples.Paragraph(
                "Councillors discussed publishing more city data under an open licence. "
                + "The committee also agreed that software developed for the city should be released as open source. "
                + "The open source tools other cities share were presented by the Open Knowledge Foundation. "
                + "Most of the city data is already online.")))
        .Themes.Single(t => t.ThemeId == "open-source-agents");

    [Fact]
    public void Taxonomy_keywords_found_in_the_theme_are_key_phrases()
    {
        OpenSource.KeyPhrases.ShouldContain("open source");
    }

    [Fact]
    public void A_run_of_words_met_once_is_not_a_key_phrase()
    {
        OpenSource.KeyPhrases.ShouldNotContain("committee also agreed");
        OpenSource.KeyPhrases.ShouldNotContain("Councillors discussed publishing");
    }

    [Fact]
    public void A_name_met_once_is_a_key_phrase_and_a_recurring_run_is_too()
    {
        OpenSource.KeyPhrases.ShouldContain("Open Knowledge Foundation", customMessage: string.Join(" | ", OpenSource.KeyPhrases));
        OpenSource.KeyPhrases.ShouldContain("city data", customMessage: string.Join(" | ", OpenSource.KeyPhrases));
    }

    [Fact]
    public void A_lower_case_word_alone_is_not_a_key_phrase_but_a_name_is()
    {
        var energy = ThemeSamples.Summarize(ThemeSamples.Document("en",
                ThemeSamples.Title("Power for computing"),
                ThemeSamples.Paragraph(
                    "Demand for electricity from data centres doubled, according to Nvidia. "
                    + "Grid operators expect more requests for electricity, according to analysts. "
                    + "The chips sold by Nvidia, according to engineers, need cooling. "
                    + "Energy prices rose, according to the regulator.")))
            .Themes.Single(t => t.ThemeId == "energy-compute");

        energy.KeyPhrases.ShouldContain("Nvidia", customMessage: string.Join(" | ", energy.KeyPhrases));
        // "according" recurs four times and is no topic; "energy" only repeats the theme's label.
        energy.KeyPhrases.ShouldNotContain("according", customMessage: string.Join(" | ", energy.KeyPhrases));
        energy.KeyPhrases.ShouldNotContain(p => p.Equals("energy", StringComparison.OrdinalIgnoreCase), string.Join(" | ", energy.KeyPhrases));
    }

    [Fact]
    public void A_word_of_a_phrase_already_taken_is_not_shown_again_in_another_form()
    {
        // The seed's health section names "Tampa General Hospital" after "opérations hospitalières".
        var health = ThemeSamples.Summarize(ThemeSamples.ReadSeedArticle()).Themes.Single(t => t.ThemeId == "health");

        health.KeyPhrases.ShouldContain("hospitaliers", customMessage: string.Join(" | ", health.KeyPhrases));
        health.KeyPhrases.ShouldNotContain("Hospital", customMessage: string.Join(" | ", health.KeyPhrases));
    }
}
