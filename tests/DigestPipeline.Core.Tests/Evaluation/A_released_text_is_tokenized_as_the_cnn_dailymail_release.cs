using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Evaluation;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Documents;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Evaluation;

/// <summary>
/// <c>digest eval --release lowercased-lines</c> gives the engine text shaped as the CNN/DailyMail release, built from
/// a set's own texts (no CNN/DailyMail file here), and counts a summary's sentences in the released lines, so that a
/// text left unsplit shows as over budget rather than as one long "sentence".
/// </summary>
public sealed class A_released_text_is_tokenized_as_the_cnn_dailymail_release
{
    private static readonly EvaluationRow Row = new("r1", "en", null, "Bridge to close",
        "The city council voted on Monday to close the old bridge (built in 1950) for repairs. The work will take two years and cost $40m, officials said. "
        + "\"We have no choice,\" Mayor Jane Doe told reporters. Drivers won't use the bridge until 2027.\n\n"
        + "Traffic will go through the tunnel, which opened in 1998. Shops near the bridge fear they will lose customers.",
        "The old bridge closes for two years of repairs.");

    [Fact]
    public void Punctuation_brackets_quotes_and_clitics_are_tokens_in_lower_case()
    {
        PtbTokens.Of("\"We don't (really) know,\" Mr. Doe said of the U.S. plan's 76% cost.", "en")
            .ShouldBe("`` we do n't -lrb- really -rrb- know , '' mr. doe said of the u.s. plan 's 76 % cost .");
        PtbTokens.Of("L'immunité n'est pas acquise.", "fr").ShouldBe("l'immunité n'est pas acquise .");
    }

    [Fact]
    public void The_text_becomes_its_sentences_one_a_line_without_paragraphs()
    {
        var (released, lines) = LowercasedLinesRelease.Apply(Row, DocumentReading.Reader(new DocumentReaderOptions()));

        lines.Count.ShouldBe(6);
        released.Text.ShouldBe(string.Join('\n', lines));
        lines[1].ShouldBe("the work will take two years and cost $ 40m , officials said .");
        lines[3].ShouldBe("drivers wo n't use the bridge until 2027 .");
        released.Title.ShouldBe("bridge to close");
        released.ReferenceSummary.ShouldBe("the old bridge closes for two years of repairs .");
    }

    [Fact]
    public void The_engine_keeps_to_a_sentence_budget_counted_in_released_lines_and_lead_takes_the_first_lines()
    {
        var report = new SummaryEvaluator(DocumentReading.Reader(new DocumentReaderOptions()), new DocumentSummarizer(ThemeSamples.SeedTaxonomy(), new SummarizerOptions()))
            .Evaluate([Row], SummaryBudget.OfSentences(2), release: TextRelease.LowercasedLines);

        var document = report.Documents.ShouldHaveSingleItem();
        report.OverBudget.ShouldBe(0);
        document.Engine.Count.ShouldBeLessThanOrEqualTo(2);
        document.Engine.ShouldAllBe(s => !s.Contains(" . ", StringComparison.Ordinal), "each summary sentence is one released line");
        document.Lead.ShouldBe(["the city council voted on monday to close the old bridge -lrb- built in 1950 -rrb- for repairs .",
            "the work will take two years and cost $ 40m , officials said ."]);
    }

    [Fact]
    public void A_summary_sentence_that_spans_several_released_lines_counts_as_that_many()
    {
        const string text = "one line .\ntwo lines .\nthree lines .";
        var glued = new SummarySentence("d", 0, "", 0, text.Length, text, 1.0);

        ReleasedLines.Spanned(text.Replace('\n', ' '), ["one line .", "two lines .", "three lines ."], [glued]).ShouldBe(3);
    }
}
