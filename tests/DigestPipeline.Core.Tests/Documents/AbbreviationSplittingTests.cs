using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

/// <summary>Each language's abbreviations do not end a sentence; "etc." and its kin end one only before a capital.</summary>
public sealed class AbbreviationSplittingTests
{
    [Theory]
    [InlineData("fr", "Rendez-vous à St. Malo avec M. Martin et Mme Dupont. Elle viendra.", "Rendez-vous à St. Malo avec M. Martin et Mme Dupont.")]
    [InlineData("en", "Ask Dr. Smith and Mrs. Brown at St. Louis. They know.", "Ask Dr. Smith and Mrs. Brown at St. Louis.")]
    [InlineData("de", "Viele Firmen, z. B. Die Welt, und Hr. Weber investieren. Das ist gut.", "Viele Firmen, z. B. Die Welt, und Hr. Weber investieren.")]
    [InlineData("es", "El Sr. García y la Sra. López, p. ej. Madrid, llegaron. Todo bien.", "El Sr. García y la Sra. López, p. ej. Madrid, llegaron.")]
    [InlineData("it", "Il Sig. Rossi e la Dott.ssa Bianchi, p. es. Milano, sono qui. Tutto bene.", "Il Sig. Rossi e la Dott.ssa Bianchi, p. es. Milano, sono qui.")]
    [InlineData("pt", "O Sr. Silva e a Sra. Costa, p. ex. Lisboa, chegaram. Tudo bem.", "O Sr. Silva e a Sra. Costa, p. ex. Lisboa, chegaram.")]
    [InlineData("nl", "Dhr. Jansen en mevr. De Vries, bijv. Utrecht, kwamen. Het was laat.", "Dhr. Jansen en mevr. De Vries, bijv. Utrecht, kwamen.")]
    public void Titles_and_abbreviations_before_a_capital_do_not_end_the_sentence(string language, string paragraph, string firstSentence)
    {
        var sentences = DocumentReading.SplitParagraph(paragraph, language);

        sentences.Length.ShouldBe(2);
        sentences[0].ShouldBe(firstSentence);
    }

    [Theory]
    [InlineData("it", "Ho comprato mele, pere, ecc. Poi sono uscito.", new[] { "Ho comprato mele, pere, ecc.", "Poi sono uscito." })]
    [InlineData("it", "Mele, pere, ecc. sono in tavola.", new[] { "Mele, pere, ecc. sono in tavola." })]
    [InlineData("en", "John Smith Sr. Arrived late. The rest came.", new[] { "John Smith Sr.", "Arrived late.", "The rest came." })]
    public void Ambiguous_abbreviations_end_the_sentence_only_before_a_capital(string language, string paragraph, string[] expected)
    {
        DocumentReading.SplitParagraph(paragraph, language).ShouldBe(expected);
    }
}
