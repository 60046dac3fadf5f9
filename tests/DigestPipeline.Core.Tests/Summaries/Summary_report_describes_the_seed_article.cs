using System.Text.Json;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

public sealed class Summary_report_describes_the_seed_article
{
    [Fact]
    public void Report_gives_the_structure_and_a_health_summary_from_the_sante_section()
    {
        var document = ThemeSamples.ReadSeedArticle();

        var report = DocumentSummaryReport.Create(document, ThemeSamples.Summarize(document));

        report.Id.ShouldBe(document.Id);
        report.Language.ShouldBe("fr");
        report.Title.ShouldStartWith("Transformation, infrastructures, souveraineté");
        report.Sections.Count.ShouldBe(document.Sections.Count);
        var sante = report.Sections.Single(s => s.Heading.StartsWith("Santé", StringComparison.Ordinal));
        sante.ListItems.ShouldBe(5);
        sante.Paragraphs.ShouldBe(2);
        sante.Sentences.ShouldBe(document.Sentences.Count(s => s.SectionIndex == sante.Index));
        report.Sections.Sum(s => s.Sentences).ShouldBe(document.Sentences.Count);

        var health = report.Themes.Single(t => t.Id == "health");
        health.Label.ShouldBe("Santé");
        health.Discovered.ShouldBeFalse();
        health.Sentences.ShouldContain(s => s.Section == sante.Heading);
        foreach (var sentence in report.Themes.SelectMany(t => t.Sentences))
            report.Text.Substring(sentence.Start, sentence.Length).ShouldBe(sentence.Text);
    }

    [Fact]
    public void Json_is_camel_case_with_offsets_and_text()
    {
        var document = ThemeSamples.ReadSeedArticle();
        var json = JsonSerializer.Serialize(DocumentSummaryReport.Create(document, ThemeSamples.Summarize(document)), PipelineJson.Options);

        using var parsed = JsonDocument.Parse(json);
        var root = parsed.RootElement;
        root.GetProperty("language").GetString().ShouldBe("fr");
        root.GetProperty("text").GetString().ShouldBe(document.Text);
        root.GetProperty("sections")[0].GetProperty("listItems").GetInt32().ShouldBe(0);
        var sentence = root.GetProperty("themes")[0].GetProperty("sentences")[0];
        sentence.GetProperty("start").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
        sentence.GetProperty("length").GetInt32().ShouldBeGreaterThan(0);
        root.GetProperty("themes")[0].GetProperty("keyPhrases").GetArrayLength().ShouldBeGreaterThan(0);
        root.GetProperty("sampled").GetBoolean().ShouldBeFalse();
        root.GetProperty("sentencesInText").GetInt32().ShouldBe(document.Sentences.Count);
        root.GetProperty("sentencesConsidered").GetInt32().ShouldBe(document.Sentences.Count);
    }
}
