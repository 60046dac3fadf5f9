using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

public sealed class EnglishSentenceSplittingTests
{
    [Fact]
    public void Titles_before_names_do_not_end_sentences()
    {
        DocumentReading.SplitParagraph("Mr. Smith met Dr. Jones and Mrs. Brown in London. They talked for hours.", "en")
            .ShouldBe(["Mr. Smith met Dr. Jones and Mrs. Brown in London.", "They talked for hours."]);
    }

    [Fact]
    public void Latin_abbreviations_and_dotted_acronyms_do_not_end_sentences()
    {
        DocumentReading.SplitParagraph(
                "Some vendors, e.g. Nvidia, i.e. the largest ones, sell to the U.S. Army. The U.S. government agrees. Prices rose.",
                "en")
            .ShouldBe(["Some vendors, e.g. Nvidia, i.e. the largest ones, sell to the U.S. Army.", "The U.S. government agrees.", "Prices rose."]);
    }

    [Fact]
    public void Etc_before_a_capital_ends_the_sentence_and_before_lowercase_does_not()
    {
        DocumentReading.SplitParagraph("We need chips, power, etc. and a lot of patience. We bought chips, power, etc. Then we waited.", "en")
            .ShouldBe(["We need chips, power, etc. and a lot of patience.", "We bought chips, power, etc.", "Then we waited."]);
    }

    [Fact]
    public void Decimals_and_version_numbers_do_not_end_sentences()
    {
        DocumentReading.SplitParagraph("Revenue grew 3.5% to $4.2 billion in version 2.0.1 of the plan. Margins held.", "en")
            .ShouldBe(["Revenue grew 3.5% to $4.2 billion in version 2.0.1 of the plan.", "Margins held."]);
    }

    [Fact]
    public void Closing_quotes_and_brackets_belong_to_the_sentence_they_close()
    {
        DocumentReading.SplitParagraph("She said, “We are ready.” The board agreed. (It was late.) Everyone left!", "en")
            .ShouldBe(["She said, “We are ready.”", "The board agreed.", "(It was late.)", "Everyone left!"]);
    }

    [Fact]
    public void Question_and_exclamation_runs_end_a_sentence_once()
    {
        DocumentReading.SplitParagraph("Is this real?! Yes... It is. Really?", "en")
            .ShouldBe(["Is this real?!", "Yes...", "It is.", "Really?"]);
    }

    [Fact]
    public void A_paragraph_without_final_punctuation_is_still_one_sentence()
    {
        DocumentReading.SplitParagraph("A paragraph that just stops", "en").ShouldBe(["A paragraph that just stops"]);
    }
}
