using DigestPipeline.Core.Evaluation;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Documents;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Evaluation;

public sealed class Lead_baseline_takes_the_first_body_sentences
{
    private static readonly Core.Documents.SourceDocument Document = DocumentReading.ReadText("note.txt",
        "A title\n\nFirst sentence here. Second one follows.\n\nA heading\n\nThird sentence is under the heading. Fourth.");

    [Fact]
    public void The_title_and_headings_are_skipped()
    {
        LeadBaseline.Summarize(Document, SummaryBudget.OfSentences(3))
            .ShouldBe(["First sentence here.", "Second one follows.", "Third sentence is under the heading."]);
    }

    [Fact]
    public void A_word_budget_stops_at_the_first_sentence_that_does_not_fit()
    {
        LeadBaseline.Summarize(Document, SummaryBudget.OfWords(6)).ShouldBe(["First sentence here.", "Second one follows."]);
        LeadBaseline.Summarize(Document, SummaryBudget.OfWords(2)).ShouldBeEmpty();
    }
}
