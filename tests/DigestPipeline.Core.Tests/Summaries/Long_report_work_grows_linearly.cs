using System.Text;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Themes;
using DigestPipeline.Core.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

/// <summary>
/// A report of 1 MB (the English seed article again and again, each copy a numbered part) is summarised without a
/// quadratic blow-up: the sentence pairs whose similarity is computed stay within a linear bound of the sentence
/// count, and doubling the report does not quadruple them; so is a report past the reader's old cap of 20,000
/// sentences, now considered whole, and a list of thousands of items. Counted, not timed.
/// </summary>
public sealed class Long_report_work_grows_linearly
{
    private const int OneMegabyte = 1 << 20;

    [Fact]
    public void Similarity_pairs_stay_linear_in_the_sentences()
    {
        var (half, halfPairs) = SummarizeCounting(Report(OneMegabyte / 2));
        var (full, fullPairs) = SummarizeCounting(Report(OneMegabyte));

        full.Sentences.Count.ShouldBeGreaterThan(5_000);
        fullPairs.ShouldBeGreaterThan(0);
        fullPairs.ShouldBeLessThanOrEqualTo((long)SentenceRanker.MaxCandidates * full.Sentences.Count,
            $"{fullPairs} pairs for {full.Sentences.Count} sentences");
        fullPairs.ShouldBeLessThanOrEqualTo(3 * halfPairs,
            $"{halfPairs} pairs for {half.Sentences.Count} sentences, {fullPairs} for {full.Sentences.Count}");
    }

    [Fact]
    public void The_long_report_still_gets_short_summaries()
    {
        var document = Report(OneMegabyte);

        var summaries = ThemeSamples.Summarize(document);

        summaries.Themes.ShouldNotBeEmpty();
        summaries.Themes.ShouldAllBe(t => t.Sentences.Count >= 1 && t.Sentences.Count <= new SummarizerOptions().MaxSentencesPerTheme);
        summaries.Themes.ShouldAllBe(t => t.KeyPhrases.Count <= KeyPhraseExtractor.MaxKeyPhrases);
    }

    [Fact]
    public void Reports_past_the_old_cap_are_considered_whole_in_linear_work()
    {
        // 300 and 600 chapters of filler (22,000 and 44,000 sentences, past the old cap of 20,000), then energy.
        var (half, halfPairs) = SummarizeCounting(GeneratedReport.Read(GeneratedReport.Markdown(fillerChapters: 300, energyChapters: 4)));
        var (full, fullPairs) = SummarizeCounting(GeneratedReport.Read(GeneratedReport.Markdown(fillerChapters: 600, energyChapters: 8)));

        half.Sentences.Count.ShouldBeGreaterThan(20_000);
        full.Sample.ShouldBeNull();
        full.Sentences.Count.ShouldBe(full.SentencesInText);
        fullPairs.ShouldBeLessThanOrEqualTo((long)SentenceRanker.MaxCandidates * full.Sentences.Count,
            $"{fullPairs} pairs for {full.Sentences.Count} sentences");
        fullPairs.ShouldBeLessThanOrEqualTo((long)(2.5 * halfPairs),
            $"{halfPairs} pairs for {half.Sentences.Count} sentences, {fullPairs} for {full.Sentences.Count}");
    }

    [Fact]
    public void A_long_list_is_carried_by_its_introduction_in_linear_work()
    {
        // The sentence announcing a list adds its items' evidence for each theme; finding the items once walked the
        // list again for each item it added (5,000 items: 25 million steps per theme).
        var (half, halfSteps) = SummarizeCountingListSteps(GeneratedReport.Read(GeneratedReport.Markdown(fillerChapters: 2, energyChapters: 1, listItems: 5_000)));
        var (full, fullSteps) = SummarizeCountingListSteps(GeneratedReport.Read(GeneratedReport.Markdown(fillerChapters: 2, energyChapters: 1, listItems: 10_000)));

        full.Sentences.Count.ShouldBeGreaterThan(10_000);
        fullSteps.ShouldBeLessThanOrEqualTo(2L * full.Sentences.Count, $"{fullSteps} steps for {full.Sentences.Count} sentences");
        fullSteps.ShouldBeLessThanOrEqualTo((long)(2.5 * halfSteps), $"{halfSteps} steps for {half.Sentences.Count} sentences, {fullSteps} for {full.Sentences.Count}");
    }

    private static (SourceDocument Document, long Steps) SummarizeCountingListSteps(SourceDocument document)
    {
        var before = IntroducedList.SentencesExaminedOnThisThread;
        var summaries = ThemeSamples.Summarize(document);
        summaries.Themes.ShouldContain(t => t.ThemeId == "energy-compute");
        return (document, IntroducedList.SentencesExaminedOnThisThread - before);
    }

    private static (SourceDocument Document, long Pairs) SummarizeCounting(SourceDocument document)
    {
        var before = SentenceSimilarity.PairsScoredOnThisThread;
        ThemeSamples.Summarize(document);
        return (document, SentenceSimilarity.PairsScoredOnThisThread - before);
    }

    /// <summary>A title, then copies of the English seed article as parts headed "Part n: …", up to <paramref name="bytes"/>.</summary>
    private static SourceDocument Report(int bytes)
    {
        var article = File.ReadAllText(ThemeSamples.SeedsPath("documents", "en-hospitals-and-grid-operators-brace-for-ai.txt")).TrimEnd();
        var report = new StringBuilder("Annual review of AI in hospitals and on the grid\n\n");
        for (var (part, size) = (1, 0); size < bytes; part++)
        {
            var section = $"Part {part}: {article}\n\n";
            report.Append(section);
            size += Encoding.UTF8.GetByteCount(section);
        }

        var content = Encoding.UTF8.GetBytes(report.ToString());
        return new DocumentReader(new DocumentReaderOptions()).Read("long-report.txt", content, ThemeSamples.At);
    }
}
