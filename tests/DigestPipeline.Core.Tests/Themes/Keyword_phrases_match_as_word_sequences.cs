using DigestPipeline.Core.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Themes;

public sealed class Keyword_phrases_match_as_word_sequences
{
    private const string Taxonomy = """
        {"themes":[
          {"id":"health","labels":{"fr":"Santé"},"keywords":{"fr":["essais cliniques","qualité des données"]}},
          {"id":"open","labels":{"fr":"Open source"},"keywords":{"fr":["open source","multi-agents"]}}
        ]}
        """;

    private static List<KeywordMatch> Matches(string sentence)
    {
        var index = KeywordIndex.Build(ThemeSamples.Taxonomy(Taxonomy), "fr");
        var analyzed = AnalyzedDocument.Analyze(ThemeSamples.Document("fr", ThemeSamples.Paragraph(sentence)));
        return ThemeMatcher.Match(analyzed.Sentences[0], index, analyzed.Source.Text);
    }

    [Theory]
    [InlineData("La réduction des cycles d’essais cliniques.", "essais cliniques")]
    [InlineData("Un essai clinique a commencé.", "essai clinique")]
    [InlineData("L’open source n’est plus alternatif.", "open source")]
    [InlineData("Les systèmes multi-agents arrivent.", "multi-agents")]
    [InlineData("Les systèmes multi agents arrivent.", "multi agents")]
    [InlineData("La qualité des données compte.", "qualité des données")]
    public void The_whole_phrase_is_found_in_the_text(string sentence, string expected)
    {
        var match = Matches(sentence).ShouldHaveSingleItem();

        sentence.Substring(match.Start, match.End - match.Start).ShouldBe(expected);
        match.WordCount.ShouldBe(2);
    }

    [Theory]
    [InlineData("Les essais du moteur sont cliniques.")]
    [InlineData("Une source ouverte, open bar.")]
    [InlineData("Des agents multiples.")]
    public void Words_of_a_phrase_apart_do_not_match(string sentence)
    {
        Matches(sentence).ShouldBeEmpty();
    }
}
