using DigestPipeline.Core.Language;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

/// <summary>The generic (all themes) summary used by <c>digest eval</c> and for documents without themes.</summary>
public sealed class Generic_summaries_respect_their_budget
{

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void A_sentence_budget_gives_that_many_whole_sentences_in_document_order(int count)
    {
        var document = ThemeSamples.ReadSeedArticle();

        var summary = DocumentSummarizer.SummarizeGeneric(document, SummaryBudget.OfSentences(count));

        summary.Count.ShouldBe(count);
        summary.Select(s => s.Start).ShouldBeInOrder();
        summary.ShouldAllBe(s => !s.IsClause && document.Sentences.Any(d => d.Start == s.Start && d.Length == s.Length));
    }

    [Theory]
    [InlineData(15)]
    [InlineData(40)]
    [InlineData(100)]
    public void A_word_budget_is_never_exceeded_and_every_sentence_points_into_the_text(int words)
    {
        var document = ThemeSamples.ReadSeedArticle();

        var summary = DocumentSummarizer.SummarizeGeneric(document, SummaryBudget.OfWords(words));

        summary.ShouldNotBeEmpty();
        summary.Sum(s => WordCount.Of(s.Text)).ShouldBeLessThanOrEqualTo(words);
        summary.ShouldAllBe(s => document.Text.Substring(s.Start, s.Length) == s.Text);
    }

    [Fact]
    public void A_sentence_too_long_for_the_word_budget_keeps_its_main_clause()
    {
        var document = Documents.DocumentReading.ReadText("note.txt",
            "Défense\n\nLe quartier d'affaires de La Défense a été brièvement bouclé mardi après un appel signalant un homme armé, "
            + "les autorités ayant ensuite annoncé n'avoir trouvé aucun individu suspect sur place.");

        var summary = DocumentSummarizer.SummarizeGeneric(document, SummaryBudget.OfWords(25));

        var clause = summary.ShouldHaveSingleItem();
        clause.IsClause.ShouldBeTrue();
        clause.Text.ShouldBe("Le quartier d'affaires de La Défense a été brièvement bouclé mardi après un appel signalant un homme armé");
    }

    [Fact]
    public void The_title_is_never_part_of_the_summary_and_the_result_is_the_same_every_time()
    {
        var document = ThemeSamples.ReadSeedArticle();

        var first = DocumentSummarizer.SummarizeGeneric(document, SummaryBudget.OfWords(60));
        var again = DocumentSummarizer.SummarizeGeneric(document, SummaryBudget.OfWords(60));

        again.ShouldBe(first);
        first.ShouldNotContain(s => s.Text == document.Title);
    }
}
