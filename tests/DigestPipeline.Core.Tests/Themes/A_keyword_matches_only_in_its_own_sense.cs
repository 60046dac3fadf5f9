using DigestPipeline.Core.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Themes;

/// <summary>
/// "start-up" without its stop word is "start", and Porter's "startup" shares its first five letters with "start":
/// neither may make "The season will start in May" a sentence about start-ups; "power grid" is not in "power the grid".
/// </summary>
public sealed class A_keyword_matches_only_in_its_own_sense
{
    private const string Taxonomy = """
        {"themes":[{"id":"startups","labels":{"en":"Start-ups","fr":"Start-up"},"keywords":{"en":["start-up","startups","e-commerce","power grid","House of Commons"],"fr":["start-up","énergétique"]}}]}
        """;

    private static List<KeywordMatch> Matches(string language, string sentence)
    {
        var index = KeywordIndex.Build(ThemeSamples.Taxonomy(Taxonomy), language);
        var analyzed = AnalyzedDocument.Analyze(ThemeSamples.Document(language, ThemeSamples.Paragraph(sentence)));
        return ThemeMatcher.Match(analyzed.Sentences[0], index, analyzed.Source.Text);
    }

    [Theory]
    [InlineData("The season will start in May.")]
    [InlineData("Prices started to fall.")]
    [InlineData("The commerce ministry spoke.")]
    [InlineData("New plants will power the grid.")]
    public void A_word_the_keyword_only_begins_with_does_not_match(string sentence) =>
        Matches("en", sentence).ShouldBeEmpty();

    [Theory]
    [InlineData("The start-up raised ten million pounds.")]
    [InlineData("Two Start-Ups raised money.")]
    [InlineData("Startups raised money.")]
    [InlineData("Sales in e-commerce grew.")]
    [InlineData("The power grid is old.")]
    [InlineData("The house of commons voted.")]
    public void The_keyword_written_whole_matches(string sentence) =>
        Matches("en", sentence).ShouldNotBeEmpty();

    [Fact]
    public void A_light_stemmers_cut_short_stem_still_matches_its_family()
    {
        // French's light stemmer leaves "énergie" as energ and "énergétique" as energet: one family.
        Matches("fr", "Il manque de l’énergie.").ShouldHaveSingleItem();
        Matches("fr", "La start-up lève des fonds.").ShouldHaveSingleItem();
        Matches("fr", "Le départ (start) est donné.").ShouldBeEmpty();
    }
}
