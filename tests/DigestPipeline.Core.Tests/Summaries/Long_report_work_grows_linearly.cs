using System.Text;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

/// <summary>
/// A report of 1 MB (the English seed article again and again, each copy a numbered part) is summarised without a
/// quadratic blow-up: the sentence pairs whose similarity is computed stay within a linear bound of the sentence
/// count, and doubling the report does not quadruple them. Counted, not timed.
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
