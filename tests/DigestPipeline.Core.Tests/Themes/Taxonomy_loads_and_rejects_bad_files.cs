using DigestPipeline.Core.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Themes;

public sealed class Taxonomy_loads_and_rejects_bad_files
{
    [Fact]
    public void The_sample_taxonomy_loads_with_labels_and_keywords_in_the_seven_languages()
    {
        var taxonomy = ThemeSamples.SeedTaxonomy();

        taxonomy.Themes.Count.ShouldBeInRange(12, 16);
        taxonomy.Themes.Select(t => t.Id).ShouldBeUnique();
        foreach (var theme in taxonomy.Themes)
        {
            theme.Labels.Keys.ShouldBe(["fr", "en", "de", "es", "it", "pt", "nl"], ignoreOrder: true);
            theme.Keywords.Keys.ShouldBe(["fr", "en", "de", "es", "it", "pt", "nl"], ignoreOrder: true);
            theme.Keywords.Values.ShouldAllBe(keywords => keywords.Count > 0);
        }

        taxonomy.Find("health")!.Label("fr").ShouldBe("Santé");
        taxonomy.Find("health")!.Label("de").ShouldBe("Gesundheit");
        taxonomy.Find("health")!.Label("zh").ShouldBe("Health", "a language without a label falls back to English");
        taxonomy.Find("health")!.Requires.ShouldBeEmpty();
        taxonomy.Find("ai-systems")!.Requires["fr"].ShouldContain("intelligence artificielle");
        taxonomy.Find("ai-systems")!.Requires["en"].ShouldContain("AI");
    }

    [Fact]
    public void Every_sample_theme_says_what_it_covers_in_french_and_english_in_one_line()
    {
        foreach (var theme in ThemeSamples.SeedTaxonomy().Themes)
        {
            foreach (var language in new[] { "fr", "en" })
            {
                var line = theme.Description(language);
                line.ShouldNotBeNullOrWhiteSpace($"{theme.Id} in {language}");
                line.ShouldNotContain('\n');
                line.ShouldEndWith(".");
            }
        }

        ThemeSamples.SeedTaxonomy().Find("health")!.Description("de").ShouldBe(
            ThemeSamples.SeedTaxonomy().Find("health")!.Description("en"), "a language without a line falls back to English");
    }

    [Fact]
    public void Descriptions_are_optional_and_must_be_text()
    {
        ThemeSamples.Taxonomy("""{"themes":[{"id":"health","labels":{"en":"Health"},"keywords":{"en":["health"]}}]}""")
            .Find("health")!.Description("en").ShouldBe("");

        Should.Throw<InvalidDataException>(() => ThemeSamples.Taxonomy(
                """{"themes":[{"id":"health","labels":{"en":"Health"},"descriptions":{"en":3},"keywords":{"en":["health"]}}]}"""))
            .Message.ShouldContain("description \"en\" must be a non-empty string");
    }

    [Fact]
    public void A_duplicate_id_is_rejected_with_its_place()
    {
        const string json = """
            {"themes":[
              {"id":"health","labels":{"en":"Health"},"keywords":{"en":["health"]}},
              {"id":"health","labels":{"en":"Care"},"keywords":{"en":["care"]}}
            ]}
            """;

        var error = Should.Throw<InvalidDataException>(() => ThemeSamples.Taxonomy(json));

        error.Message.ShouldContain("themes[1]");
        error.Message.ShouldContain("duplicate theme id \"health\"");
    }

    [Fact]
    public void A_theme_without_labels_is_rejected()
    {
        const string json = """{"themes":[{"id":"health","keywords":{"en":["health"]}}]}""";

        Should.Throw<InvalidDataException>(() => ThemeSamples.Taxonomy(json)).Message.ShouldContain("\"labels\" is missing");
    }

    [Fact]
    public void Invalid_json_is_rejected_with_its_line()
    {
        Should.Throw<InvalidDataException>(() => ThemeSamples.Taxonomy("{\"themes\":[\n{\"id\": }]}")).Message.ShouldContain("line 2");
    }

    [Theory]
    [InlineData("{}", "\"themes\" array")]
    [InlineData("""{"themes":[]}""", "declares no theme")]
    [InlineData("""{"themes":[{"labels":{"en":"Health"},"keywords":{"en":["health"]}}]}""", "\"id\" is missing")]
    [InlineData("""{"themes":[{"id":"Health Care","labels":{"en":"Health"},"keywords":{"en":["health"]}}]}""", "lower-case")]
    [InlineData("""{"themes":[{"id":"health","labels":{"en":""},"keywords":{"en":["health"]}}]}""", "non-empty string")]
    [InlineData("""{"themes":[{"id":"health","labels":{"en":"Health"},"keywords":{"en":[]}}]}""", "no keywords")]
    [InlineData("""{"themes":[{"id":"section-x","labels":{"en":"X"},"keywords":{"en":["x"]}}]}""", "reserved")]
    [InlineData("""{"themes":[{"id":"ai","labels":{"en":"AI"},"keywords":{"en":["model"]},"requires":["AI"]}]}""", "\"requires\" must be an object")]
    [InlineData("""{"themes":[{"id":"ai","labels":{"en":"AI"},"keywords":{"en":["model"]},"requires":{"en":[]}}]}""", "lists no term")]
    [InlineData("""{"themes":[{"id":"ai","labels":{"en":"AI"},"keywords":{"en":["model"]},"requires":{"en":[" "]}}]}""", "requires \"en\" holds an empty")]
    public void A_bad_file_is_rejected_with_a_clear_message(string json, string expected)
    {
        Should.Throw<InvalidDataException>(() => ThemeSamples.Taxonomy(json)).Message.ShouldContain(expected);
    }
}
