using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Evaluation;
using DigestPipeline.Core.Language;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Documents;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Evaluation;

public sealed class Evaluation_measures_the_engine_against_the_texts_first_words
{
    private static readonly EvaluationRow Row = new("r1", "en", null, "Volcano erupts near Zanzibar",
        "Officials met on Monday to discuss the budget. The volcano erupted at dawn and ash covered the island. "
        + "Flights were cancelled across the region. Residents were told to stay indoors. The budget talks resume next week.",
        "The volcano erupted at dawn; flights were cancelled.");

    private static EvaluationReport Evaluate(bool withTitles) =>
        new SummaryEvaluator(DocumentReading.Reader(new DocumentReaderOptions()), new DocumentSummarizer(ThemeSamples.SeedTaxonomy(), new SummarizerOptions()))
            .Evaluate([Row], SummaryBudget.OfWords(20), withTitles: withTitles);

    [Fact]
    public void The_first_words_baseline_is_the_text_cut_wherever_its_length_falls()
    {
        FirstWordsBaseline.Summarize("Le  sommet\nde Paris s'ouvre demain.", 4).ShouldBe("Le sommet de Paris");
        FirstWordsBaseline.Summarize("Court.", 10).ShouldBe("Court.");
    }

    [Fact]
    public void The_baseline_has_as_many_words_as_the_engines_summary_and_never_the_title()
    {
        var document = Evaluate(withTitles: true).Documents.ShouldHaveSingleItem();

        WordCount.Of(document.FirstWords).ShouldBe(document.Engine.Sum(s => WordCount.Of(s)));
        document.FirstWords.ShouldStartWith("Officials met on Monday");
        document.FirstWordsScores.Rouge1.F1.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Withholding_titles_gives_the_engine_the_text_alone()
    {
        System.Text.Encoding.UTF8.GetString(Row.ToDocumentBytes(withTitle: false)).ShouldBe(Row.Text);

        var withTitles = Evaluate(withTitles: true);
        var without = Evaluate(withTitles: false);

        // What the engine read: the upload's bytes, the title and a blank line first, or the text alone.
        withTitles.TextBytes.ShouldBe(System.Text.Encoding.UTF8.GetByteCount(Row.Title + "\n\n" + Row.Text));
        without.TextBytes.ShouldBe(System.Text.Encoding.UTF8.GetByteCount(Row.Text));
        without.Documents.ShouldHaveSingleItem().Engine.ShouldNotBeEmpty();
    }
}
