using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

public sealed class English_document_gets_english_themes
{
    [Fact]
    public void English_keywords_find_the_themes_of_an_english_document()
    {
        var document = ThemeSamples.Document("en",
            ThemeSamples.Title("Hospitals and data centres face the AI wave"),
            ThemeSamples.Heading("Healthcare"),
            ThemeSamples.Paragraph("Hospitals are shortening clinical trials with machine learning. Early cancer diagnosis is now routine in several clinics. Patients get personalised treatment plans."),
            ThemeSamples.Heading("Power-hungry compute"),
            ThemeSamples.Paragraph("Data centers need more electricity every year. Operators now measure performance per watt. Some sign nuclear power purchase agreements to secure their energy supply."));

        var summaries = ThemeSamples.Summarize(document);

        summaries.Language.ShouldBe("en");
        var ids = summaries.Themes.Select(t => t.ThemeId).ToArray();
        ids.ShouldContain("health");
        ids.ShouldContain("energy-compute");
        var health = summaries.Themes.Single(t => t.ThemeId == "health");
        health.Label("en").ShouldBe("Health");
        health.Sentences.ShouldAllBe(s => s.Section == "Healthcare");
        summaries.Themes.Single(t => t.ThemeId == "energy-compute").Sentences.ShouldAllBe(s => s.Section == "Power-hungry compute");
    }
}
