using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

/// <summary>Periods and commas inside numbers, amounts, ordinals and dates never end a sentence; a number at the end of one does.</summary>
public sealed class NumberSplittingTests
{
    [Fact]
    public void French_amounts_percentages_ordinals_and_dates_stay_inside_their_sentence()
    {
        DocumentReading.SplitParagraph(
                "Le 1er janvier, 4 milliards d’euros étaient levés, soit 3,5 % de plus. Le 12.03.2024, le taux valait 3.5%. Il en reste 12. Les autres partent.",
                "fr")
            .ShouldBe(
            [
                "Le 1er janvier, 4 milliards d’euros étaient levés, soit 3,5 % de plus.",
                "Le 12.03.2024, le taux valait 3.5%.",
                "Il en reste 12.",
                "Les autres partent.",
            ]);
    }

    [Fact]
    public void English_amounts_and_dotted_abbreviations_stay_inside_their_sentence()
    {
        DocumentReading.SplitParagraph("Profits jumped 76% to $1.13bn (£600m) in the U.S. market by 5 p.m. Friday. Shares rose 2.5 points.", "en")
            .ShouldBe(["Profits jumped 76% to $1.13bn (£600m) in the U.S. market by 5 p.m. Friday.", "Shares rose 2.5 points."]);
    }
}
