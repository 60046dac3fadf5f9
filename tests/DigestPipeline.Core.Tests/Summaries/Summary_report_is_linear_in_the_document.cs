using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

/// <summary>
/// Issue 12: <c>digest summarize</c>'s report counted each section's blocks and sentences by reading all of them for
/// every section (sections × blocks: seconds on a 20 MB report of 9,000 sections). It now reads each once. It also
/// says how many sentences themes and summaries considered, and whether they were a sample.
/// </summary>
public sealed class Summary_report_is_linear_in_the_document
{
    [Fact]
    public void Blocks_and_sentences_are_read_a_bounded_number_of_times_whatever_the_sections()
    {
        var (half, halfReads) = ReportCountingReads(GeneratedReport.Read(GeneratedReport.Markdown(fillerChapters: 100, energyChapters: 0)));
        var (full, fullReads) = ReportCountingReads(GeneratedReport.Read(GeneratedReport.Markdown(fillerChapters: 200, energyChapters: 0)));

        full.Sections.Count.ShouldBeGreaterThan(200);
        fullReads.ShouldBeLessThanOrEqualTo(2L * (full.Blocks.Count + full.Sentences.Count), $"{fullReads} reads of {full.Blocks.Count} blocks and {full.Sentences.Count} sentences");
        fullReads.ShouldBeLessThanOrEqualTo((long)(2.5 * halfReads), $"{halfReads} reads for {half.Sections.Count} sections, {fullReads} for {full.Sections.Count}");
    }

    [Fact]
    public void The_counts_per_section_are_those_of_the_blocks_and_sentences()
    {
        var document = ThemeSamples.ReadSeedArticle();

        var report = DocumentSummaryReport.Create(document, ThemeSamples.Summarize(document));

        foreach (var section in report.Sections)
        {
            section.Paragraphs.ShouldBe(document.Blocks.Count(b => b.SectionIndex == section.Index && b.Kind is BlockKind.Paragraph or BlockKind.Standfirst));
            section.ListItems.ShouldBe(document.Blocks.Count(b => b.SectionIndex == section.Index && b.Kind == BlockKind.ListItem));
            section.Sentences.ShouldBe(document.Sentences.Count(s => s.SectionIndex == section.Index));
        }

        report.Sampled.ShouldBeFalse();
        report.SentencesConsidered.ShouldBe(document.Sentences.Count);
        report.SentencesInText.ShouldBe(document.Sentences.Count);
    }

    [Fact]
    public void A_sampled_document_s_report_says_how_many_sentences_were_considered()
    {
        var document = GeneratedReport.Read(GeneratedReport.Markdown(fillerChapters: 280, energyChapters: 6), new DocumentReaderOptions { MaxSentences = 1_000 });

        var report = DocumentSummaryReport.Create(document, ThemeSamples.Summarize(document));

        report.Sampled.ShouldBeTrue();
        report.SentencesConsidered.ShouldBe(1_000);
        report.SentencesInText.ShouldBe(document.SentencesInText);
        report.SentencesInText.ShouldBeGreaterThan(20_000);
        report.Sections.Sum(s => s.Sentences).ShouldBe(1_000);
        report.Themes.ShouldContain(t => t.Id == "energy-compute");
    }

    private static (SourceDocument Document, long Reads) ReportCountingReads(SourceDocument document)
    {
        var blocks = new CountingList<DocumentBlock>(document.Blocks);
        var sentences = new CountingList<Sentence>(document.Sentences);
        var counted = document with { Blocks = blocks, Sentences = sentences };

        DocumentSummaryReport.Create(counted, new DocumentSummaries(document.Id, document.SourceName, document.Title, document.Language, ThemeSamples.At, []));

        return (document, blocks.Reads + sentences.Reads);
    }
}
