using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Tests.Summaries;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

/// <summary>
/// Issue 12: when a document has more sentences than <see cref="DocumentReaderOptions.MaxSentences"/>, the sentences
/// considered are spread over every section (never the first ones only) and the document says it was sampled.
/// </summary>
public sealed class Sentences_past_the_cap_are_sampled_over_every_section
{
    [Fact]
    public void Every_chapter_of_a_long_report_gets_its_share_and_the_document_says_it_was_sampled()
    {
        var markdown = GeneratedReport.Markdown(fillerChapters: 280, energyChapters: 6);
        var whole = GeneratedReport.Read(markdown);

        var sampled = GeneratedReport.Read(markdown, new DocumentReaderOptions { MaxSentences = 1_000 });

        sampled.Sentences.Count.ShouldBe(1_000);
        sampled.Sample.ShouldBe(new SentenceSample(Considered: 1_000, InText: whole.Sentences.Count));
        sampled.SentencesInText.ShouldBe(whole.Sentences.Count);
        sampled.Text.ShouldBe(whole.Text);
        sampled.Sentences.ShouldBeSubsetOf(whole.Sentences);
        sampled.Sentences.Select(s => s.Index).ShouldBeInOrder(SortDirection.Ascending);
        var perSection = sampled.Sentences.GroupBy(s => s.SectionIndex).ToDictionary(g => g.Key, g => g.Count());
        foreach (var section in whole.Sentences.Select(s => s.SectionIndex).Distinct())
            perSection.ShouldContainKey(section, $"section {section} has no sentence considered");
        (perSection.Values.Max() - perSection.Where(p => p.Key > 0).Min(p => p.Value)).ShouldBeLessThanOrEqualTo(1, "chapters of the same length get the same share, give or take one");
    }

    [Fact]
    public void A_sampled_report_still_gets_the_theme_of_its_last_chapters()
    {
        var document = GeneratedReport.Read(GeneratedReport.Markdown(fillerChapters: 280, energyChapters: 6), new DocumentReaderOptions { MaxSentences = 1_000 });

        var summaries = ThemeSamples.Summarize(document);

        document.Sample.ShouldNotBeNull();
        summaries.Themes.ShouldContain(t => t.ThemeId == "energy-compute");
    }

    [Fact]
    public void With_more_sections_than_the_cap_one_sentence_of_sections_spread_over_the_whole_document_is_kept()
    {
        // 300 sections of 5 sentences, a cap of 100: every third section gives its first sentence (its heading).
        var sentences = Enumerable.Range(0, 1_500).Select(i => new Sentence(i, i * 10, 9, i, i / 5)).ToList();

        var sample = SentenceSampler.Spread(sentences, 100);

        sample.Count.ShouldBe(100);
        sample.ShouldAllBe(s => s.Index % 5 == 0);
        sample.Select(s => s.SectionIndex).ShouldBe(Enumerable.Range(0, 100).Select(k => 3 * k));
    }

    [Fact]
    public void Short_sections_keep_all_their_sentences_and_long_ones_share_the_rest_evenly_spaced()
    {
        // Section 0: 3 sentences; section 1: 100; section 2: 10. Cap 33: 3 + 10 kept whole, 20 of section 1, one in five.
        var sizes = new[] { 3, 100, 10 };
        var sentences = sizes.SelectMany((size, section) => Enumerable.Repeat(section, size)).Select((section, i) => new Sentence(i, i * 10, 9, i, section)).ToList();

        var sample = SentenceSampler.Spread(sentences, 33);

        sample.Count(s => s.SectionIndex == 0).ShouldBe(3);
        sample.Count(s => s.SectionIndex == 2).ShouldBe(10);
        sample.Where(s => s.SectionIndex == 1).Select(s => s.Index).ShouldBe(Enumerable.Range(0, 20).Select(j => 3 + (5 * j)));
    }

    [Fact]
    public void A_document_within_the_cap_is_considered_whole_and_not_marked()
    {
        var document = ThemeSamples.ReadSeedArticle();

        document.Sample.ShouldBeNull();
        document.SentencesInText.ShouldBe(document.Sentences.Count);
    }
}
