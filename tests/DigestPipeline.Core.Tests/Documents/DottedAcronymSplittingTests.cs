using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

/// <summary>A dotted acronym (U.S., p.m.) ends a sentence only before a capitalised function word of the language.</summary>
public sealed class DottedAcronymSplittingTests
{
    [Fact]
    public void An_acronym_before_a_capitalised_name_does_not_end_the_sentence()
    {
        DocumentReading.SplitParagraph("The U.S. Army agreed. It starts at 9 a.m. Eastern time.", "en")
            .ShouldBe(["The U.S. Army agreed.", "It starts at 9 a.m. Eastern time."]);
    }

    [Fact]
    public void An_acronym_before_a_capitalised_function_word_ends_the_sentence()
    {
        DocumentReading.SplitParagraph("He moved to the U.S. The move was quick. The meeting ended at 5 p.m. It resumed later.", "en")
            .ShouldBe(["He moved to the U.S.", "The move was quick.", "The meeting ended at 5 p.m.", "It resumed later."]);
    }

    [Fact]
    public void French_function_words_decide_in_french()
    {
        DocumentReading.SplitParagraph("Il est parti aux U.S. Les autres sont restés. L’U.S. Army a parlé.", "fr")
            .ShouldBe(["Il est parti aux U.S.", "Les autres sont restés.", "L’U.S. Army a parlé."]);
    }

    [Fact]
    public void German_ordinals_end_a_sentence_only_before_a_capitalised_function_word()
    {
        DocumentReading.SplitParagraph("Es sind 12. Die anderen kommen am 3. Oktober.", "de")
            .ShouldBe(["Es sind 12.", "Die anderen kommen am 3. Oktober."]);
    }
}
