using DigestPipeline.Core.Tests.Summaries;
using DigestPipeline.Core.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Themes;

/// <summary>
/// A document's evidence keeps a row of per-theme values only for the sentences that matched a keyword: most
/// sentences match none, and a row of zeros for each of them was most of what collecting evidence allocated. The
/// others read as 0, and the sentences with keywords keep their values.
/// </summary>
public sealed class Evidence_keeps_rows_only_for_sentences_with_keywords
{
    [Fact]
    public void A_long_report_of_filler_costs_less_than_a_row_per_sentence()
    {
        var document = AnalyzedDocument.Analyze(GeneratedReport.Read(GeneratedReport.Markdown(fillerChapters: 10, energyChapters: 1)));
        var index = KeywordIndex.Build(ThemeSamples.SeedTaxonomy(), document.Stems.Language);
        ThemeEvidence.Collect(document, index);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var evidence = ThemeEvidence.Collect(document, index);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var rowPerSentence = (long)document.Sentences.Count * index.ThemeCount * sizeof(double);
        allocated.ShouldBeLessThan(rowPerSentence);
        var withKeywords = document.Sentences.Where(s => evidence.Matches(s.Index).Count > 0).ToArray();
        withKeywords.ShouldNotBeEmpty();
        withKeywords.ShouldAllBe(s => Enumerable.Range(0, index.ThemeCount).Any(t => evidence.Own(s.Index, t) > 0));
        document.Sentences.Except(withKeywords).ShouldAllBe(s => Enumerable.Range(0, index.ThemeCount).All(t => evidence.Own(s.Index, t) == 0));
    }
}
