using DigestPipeline.Core.Language;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Util;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Language;

public sealed class StopWordTests
{
    /// <summary>The words of a text that are not stop words, as the theme analysis sees them (folded stems).</summary>
    private static string[] ContentStems(string text, string language) =>
        Tokenizer.Tokenize(text, StemmerCache.For(language)).Where(t => !t.IsStop).Select(t => t.Stem).ToArray();

    public static TheoryData<string, CharArraySet> SnowballDefaults => new()
    {
        { "de", GermanAnalyzer.DefaultStopSet },
        { "es", SpanishAnalyzer.DefaultStopSet },
        { "it", ItalianAnalyzer.DefaultStopSet },
        { "pt", PortugueseAnalyzer.DefaultStopSet },
        { "nl", DutchAnalyzer.DefaultStopSet },
    };

    [Theory]
    [MemberData(nameof(SnowballDefaults))]
    public void Each_language_uses_the_snowball_list_its_lucene_analyzer_uses(string language, CharArraySet analyzerDefault)
    {
        var words = LuceneStopSets.For(language)!.Select(w => w.ToString()).ToHashSet();

        words.ShouldBe(analyzerDefault.Select(w => w.ToString()).ToHashSet(), ignoreOrder: true);
    }

    [Fact]
    public void French_adds_lucenes_pre_3_1_list_to_the_snowball_one()
    {
        var french = LuceneStopSets.For("fr")!;

        FrenchAnalyzer.DefaultStopSet.ShouldAllBe(word => french.Contains(word.ToString()));
        french.Count.ShouldBeGreaterThan(FrenchAnalyzer.DefaultStopSet.Count);
        ContentStems("comme plus entre tout", "fr").ShouldBeEmpty();
    }

    [Fact]
    public void English_uses_the_fuller_snowball_list_rather_than_the_analyzers_33_words()
    {
        var english = LuceneStopSets.For("en")!;

        EnglishAnalyzer.DefaultStopSet.Count.ShouldBe(33);
        english.Count.ShouldBeGreaterThan(150);
        english.Contains("ourselves").ShouldBeTrue();
        english.Contains("would").ShouldBeTrue();
    }

    [Fact]
    public void A_language_without_a_lucene_list_has_no_stop_set()
    {
        LuceneStopSets.For("pl").ShouldBeNull();
        ContentStems("i w ogóle nie", "pl").ShouldBe(["ogole", "nie"]);
    }

    [Theory]
    [InlineData("l’énergie d’une ville qu’on aime")]
    [InlineData("l'énergie d'une ville qu'on aime")]
    [InlineData("jusqu’à l’énergie, lorsqu’une ville, puisqu’on aime")]
    public void French_elided_articles_are_stop_words_with_either_apostrophe(string text)
    {
        ContentStems(text, "fr").ShouldBe(["energ", "vile", "aime"]);
    }

    [Fact]
    public void English_contractions_and_possessives_drop_out_whole()
    {
        ContentStems("We'll see: it's the board's plan and we don't know why they've changed it", "en")
            .ShouldBe(["see", "board", "plan", "know", "chang"]);
    }

    [Theory]
    [InlineData("fr", "très encore souvent", new[] { "tre", "encor", "souvent" })]
    [InlineData("en", "also new however like", new[] { "also", "new", "howev", "like" })]
    public void Words_outside_lucenes_lists_are_content_words(string language, string text, string[] expected)
    {
        ContentStems(text, language).ShouldBe(expected);
    }

    [Fact]
    public void Single_letters_are_stop_words_but_digits_are_not()
    {
        ContentStems("Il a cité J. Monnet devant l’U.S. Army en 2 heures", "fr").ShouldBe(["cite", "monet", "army", "2", "heur"]);
    }

    [Theory]
    [InlineData("de", "Die Kinder spielen und das Kind lacht", new[] { "kind", "spiel", "kind", "lacht" })]
    [InlineData("es", "Las energías y la energía del país", new[] { "energi", "energi", "pais" })]
    [InlineData("it", "Le energie e l’energia della città", new[] { "energ", "energ", "citta" })]
    [InlineData("pt", "As energias e a energia do país", new[] { "energi", "energi", "pai" })]
    [InlineData("nl", "De boeken en het boek van het dorp", new[] { "boek", "boek", "dorp" })]
    public void Other_languages_drop_their_stop_words(string language, string text, string[] expected)
    {
        ContentStems(text, language).ShouldBe(expected);
    }
}
