using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

/// <summary>An elision (l’, d’, qu’, with ’ or ') is read past: the word after it decides whether a period ends the sentence.</summary>
public sealed class ElisionSplittingTests
{
    [Theory]
    [InlineData("Le commandement de l’U.S. Army a parlé. La presse a suivi.", "Le commandement de l’U.S. Army a parlé.")]
    [InlineData("Le commandement de l'U.S. Army a parlé. La presse a suivi.", "Le commandement de l'U.S. Army a parlé.")]
    [InlineData("Il l’a dit d’après M. Martin qu’il cite. La presse a suivi.", "Il l’a dit d’après M. Martin qu’il cite.")]
    [InlineData("C’est vrai aujourd’hui. La presse a suivi.", "C’est vrai aujourd’hui.")]
    [InlineData("C'est ce qu'il voulait. La presse a suivi.", "C'est ce qu'il voulait.")]
    public void Elided_words_neither_glue_nor_cut_sentences(string paragraph, string firstSentence)
    {
        DocumentReading.SplitParagraph(paragraph, "fr").ShouldBe([firstSentence, "La presse a suivi."]);
    }

    [Fact]
    public void A_sentence_may_start_with_an_elided_capital()
    {
        DocumentReading.SplitParagraph("Tout change. L’IA s’impose. D’autres suivent.", "fr").ShouldBe(["Tout change.", "L’IA s’impose.", "D’autres suivent."]);
    }
}
