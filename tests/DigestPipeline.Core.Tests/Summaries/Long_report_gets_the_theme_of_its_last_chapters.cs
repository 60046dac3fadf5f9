using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

/// <summary>
/// Issue 12: a report whose subject, named in its title, is only treated in its last chapters, past its first 20,000
/// sentences (the reader's old cap, which kept the first sentences only), gets that subject's theme, summarized from
/// those chapters; and nothing says it was sampled, because it was considered whole.
/// </summary>
public sealed class Long_report_gets_the_theme_of_its_last_chapters
{
    private const int OldCap = 20_000;

    [Fact]
    public void The_theme_of_chapters_past_the_first_20000_sentences_is_found()
    {
        var document = GeneratedReport.Read(GeneratedReport.Markdown(fillerChapters: 280, energyChapters: 6));
        var firstEnergySentence = GeneratedReport.FirstEnergySentence(document);

        var summaries = ThemeSamples.Summarize(document);

        firstEnergySentence.Index.ShouldBeGreaterThan(OldCap);
        document.Sample.ShouldBeNull();
        document.Sentences.Count.ShouldBe(document.SentencesInText);
        var energy = summaries.Themes.SingleOrDefault(t => t.ThemeId == "energy-compute");
        energy.ShouldNotBeNull($"themes: {string.Join(", ", summaries.Themes.Select(t => t.ThemeId))}");
        energy.Sentences.ShouldNotBeEmpty();
        energy.Sentences.ShouldAllBe(s => s.Start >= firstEnergySentence.Start);
    }
}
