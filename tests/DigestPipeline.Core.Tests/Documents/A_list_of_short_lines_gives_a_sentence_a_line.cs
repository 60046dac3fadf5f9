using DigestPipeline.Core.Summaries;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

/// <summary>
/// Short lines typed one under the other without punctuation (headlines, an agenda) were joined into one "sentence":
/// a 20-word budget cut it in the middle of a line, and a sentence budget took them all as one.
/// </summary>
public sealed class A_list_of_short_lines_gives_a_sentence_a_line
{
    private static readonly string[] Lines =
        ["New hospital wing opens in March", "School meals become free for all pupils", "Bus fares frozen for two years", "Library hours extended on Sundays"];

    [Fact]
    public void Each_line_is_a_sentence_and_a_word_budget_takes_whole_lines()
    {
        var document = DocumentReading.ReadText("budget.txt", "Budget 2026\n\n" + string.Join('\n', Lines));

        document.SentenceTexts().ShouldBe(["Budget 2026", .. Lines]);
        DocumentSummarizer.SummarizeGeneric(document, SummaryBudget.OfWords(20)).ShouldAllBe(s => Lines.Contains(s.Text));
    }
}
