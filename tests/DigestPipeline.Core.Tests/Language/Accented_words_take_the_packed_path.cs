using DigestPipeline.Core.Language;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Language;

/// <summary>
/// Words with Latin-1 letters ("été", "Société", "Straße") are packed into the stem cache's keys as ASCII words are,
/// so that they skip lower-casing and hashing their characters. Two words may share keys only when they lower-case
/// alike: the cached stem is that of the lower-cased word.
/// </summary>
public sealed class Accented_words_take_the_packed_path
{
    [Fact]
    public void Every_packed_Latin1_character_is_its_own_invariant_lower_case()
    {
        for (var c = '\u0001'; c <= '\u00FF'; c++)
        {
            var packed = PackedWordKey.Latin1Byte(c);
            if (packed != 0)
            {
                packed.ShouldBe((ulong)char.ToLowerInvariant(c), $"U+{(int)c:X4}");
            }
            else
            {
                (char.IsAscii(c) || !char.IsLetter(c) || c < 'À').ShouldBeTrue($"U+{(int)c:X4} is a letter left out");
            }
        }

        PackedWordKey.Latin1Byte('\0').ShouldBe(0UL);
        PackedWordKey.Latin1Byte('×').ShouldBe(0UL);
        PackedWordKey.Latin1Byte('÷').ShouldBe(0UL);
        PackedWordKey.Latin1Byte('œ').ShouldBe(0UL);
    }

    [Theory]
    [InlineData("ÉTÉ", "été")]
    [InlineData("Société", "société")]
    [InlineData("STRAßE", "straße")]
    [InlineData("Ångström", "ångström")]
    public void Words_that_lower_case_alike_share_keys(string word, string lowerCase)
    {
        PackedWordKey.TryPackLatin1Long(word, out var low, out var high).ShouldBeTrue();
        PackedWordKey.TryPackLatin1Long(lowerCase, out var expectedLow, out var expectedHigh).ShouldBeTrue();

        (low, high).ShouldBe((expectedLow, expectedHigh));
    }

    [Theory]
    [InlineData("straße", "strasse")]
    [InlineData("ßa", "ÿa")]
    [InlineData("été", "ete")]
    [InlineData("à", "ŕ")]
    public void Words_that_lower_case_differently_do_not_share_keys(string one, string other)
    {
        var packed = PackedWordKey.TryPackLatin1Long(one, out var low, out var high);
        var otherPacked = PackedWordKey.TryPackLatin1Long(other, out var otherLow, out var otherHigh);

        packed.ShouldBeTrue();
        if (otherPacked)
        {
            (low, high).ShouldNotBe((otherLow, otherHigh));
        }
    }

    [Theory]
    [InlineData("government")]
    [InlineData("covid19")]
    [InlineData("Internationali")]
    public void An_ASCII_word_gets_the_keys_it_got_before(string word)
    {
        PackedWordKey.TryPackLatin1Long(word, out var low, out var high).ShouldBeTrue();
        PackedWordKey.TryPackLong(word, out var asciiLow, out var asciiHigh).ShouldBeTrue();

        (low, high).ShouldBe((asciiLow, asciiHigh));
    }

    [Theory]
    [InlineData("œuvre")]
    [InlineData("İstanbul")]
    [InlineData("naïvetéssimamente")]
    [InlineData("café\u0301")]
    public void A_word_past_Latin1_or_16_characters_is_not_packed(string word) =>
        PackedWordKey.TryPackLatin1Long(word, out _, out _).ShouldBeFalse();

    [Fact]
    public void The_tokenizer_keeps_an_accented_word_in_the_packed_table_with_the_stem_of_its_lower_case()
    {
        var stems = StemmerCache.For("fr");
        const string text = "Les zébrûlées ÉTAIENT là ; les ZÉBRÛLÉES aussi, œuvre de Noël.";

        var tokens = Tokenizer.Tokenize(text, stems);

        stems.HoldsPacked("zébrûlées").ShouldBeTrue();
        stems.HoldsPacked("noël").ShouldBeTrue();
        tokens.Select(t => t.Stem).ShouldBe(
            ["les", "zebrul", "etaient", "la", "les", "zebrul", "ausi", "oeuvr", "de", "noel"]);
        foreach (var token in tokens)
        {
            var word = text.Substring(token.Start, token.Length);
            token.StemId.ShouldBe(stems.Get(word.ToLowerInvariant()).StemId, word);
        }
    }
}
