using DigestPipeline.Core.Language;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Language;

/// <summary>Lucene's stemmers, one per language, give inflected forms of a word one folded stem.</summary>
public sealed class StemmingTests
{
    [Theory]
    [InlineData("fr", "énergie", "énergies")]
    [InlineData("fr", "Santé", "santés")]
    [InlineData("en", "connection", "connections")]
    [InlineData("en", "running", "runs")]
    [InlineData("de", "Kind", "Kinder")]
    [InlineData("es", "energía", "energías")]
    [InlineData("it", "energia", "energie")]
    [InlineData("pt", "energia", "energias")]
    [InlineData("nl", "boek", "boeken")]
    public void Inflected_forms_share_a_stem(string language, string word, string inflected)
    {
        var stems = StemmerCache.For(language);

        Tokenizer.Tokenize(inflected, stems).Single().Stem.ShouldBe(Tokenizer.Tokenize(word, stems).Single().Stem);
    }

    [Fact]
    public void A_language_without_a_stemmer_keeps_words_whole_but_lower_cased()
    {
        Tokenizer.Tokenize("Energie", StemmerCache.For("pl")).Single().Stem.ShouldBe("energie");
    }
}
