using DigestPipeline.Core.Language;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Language;

/// <summary>Language detection says <see cref="LanguageDetector.Unknown"/> rather than guess on too little or mixed text.</summary>
public sealed class ShortAndMixedLanguageTests
{
    [Theory]
    [InlineData("of the and")]
    [InlineData("les et des")]
    [InlineData("und der die")]
    [InlineData("The committee said")]
    [InlineData("Le gouvernement a")]
    [InlineData("y de los")]
    public void Three_words_or_fewer_are_unknown_even_when_all_are_telling(string text)
    {
        LanguageDetector.Detect(text).ShouldBe(LanguageDetector.Unknown);
    }

    [Fact]
    public void A_paragraph_alternating_french_and_english_sentences_is_unknown()
    {
        LanguageDetector.Detect(
                "Le gouvernement a présenté mardi un projet de loi sur l’énergie. The committee said on Tuesday that it would publish its findings. " +
                "Les députés en débattront dès la semaine prochaine. The board agreed with all of the witnesses.")
            .ShouldBe(LanguageDetector.Unknown);
    }

    [Fact]
    public void A_french_text_with_one_english_sentence_is_french()
    {
        LanguageDetector.Detect(
                "Le gouvernement a présenté mardi un projet de loi sur l’énergie. Les députés en débattront dès la semaine prochaine. " +
                "Le texte devrait être adopté avant la fin de l’année. The committee said that it would publish its findings. " +
                "La commission rendra son avis au mois de mars.")
            .ShouldBe("fr");
    }

    [Theory]
    [InlineData("It's the board's plan and we don't know why they've changed it.")]
    [InlineData("India's rupee has hit a five-year high after the ratings agency raised the country's outlook, and the bank said it would wait.")]
    public void English_contractions_and_possessives_count_as_english(string text)
    {
        LanguageDetector.Detect(text).ShouldBe("en");
    }

    [Fact]
    public void French_elisions_count_as_french()
    {
        LanguageDetector.Detect("L’immunité qu’il décrit n’est pas celle d’aujourd’hui.").ShouldBe("fr");
    }
}
