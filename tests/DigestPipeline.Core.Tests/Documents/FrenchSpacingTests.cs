using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

/// <summary>
/// French puts a space before : ; ? ! (a plain, non-breaking U+00A0 or narrow non-breaking U+202F space): ? and !
/// end the sentence with their mark, : and ; never end it. Read through the document reader, which normalises the spaces.
/// </summary>
public sealed class FrenchSpacingTests
{
    [Theory]
    [InlineData(' ')]
    [InlineData('\u00A0')]
    [InlineData('\u202F')]
    public void Spaced_question_and_exclamation_marks_end_the_sentence_and_colons_do_not(char space)
    {
        var document = DocumentReading.ReadText("note.txt",
            $"Titre\n\nLe constat est clair{space}: l’IA s’industrialise{space}; les coûts baissent. Faut-il s’inquiéter{space}? Oui{space}! Les experts hésitent.\n\nFin.");

        document.SentenceTexts().ShouldBe(
        [
            "Titre",
            "Le constat est clair : l’IA s’industrialise ; les coûts baissent.",
            "Faut-il s’inquiéter ?",
            "Oui !",
            "Les experts hésitent.",
            "Fin.",
        ]);
    }
}
