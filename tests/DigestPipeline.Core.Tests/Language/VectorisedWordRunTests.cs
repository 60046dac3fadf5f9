using DigestPipeline.Core.Language;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Language;

/// <summary>
/// The tokenizer and the language detector read runs of ASCII letters 16 characters at a time: they must find the
/// same words and the same keys as reading one character at a time did.
/// </summary>
public sealed class VectorisedWordRunTests
{
    /// <summary>Past the word, enough text for a whole vector to be read.</summary>
    private const string Padding = " and some more text after it";

    [Theory]
    [InlineData("a")]
    [InlineData("The")]
    [InlineData("covid19")]
    [InlineData("GOVERNMENT")]
    [InlineData("announcement")]
    [InlineData("Internationali")]
    [InlineData("abcdefghijklmno")]
    public void A_run_of_ASCII_letters_and_digits_is_packed_as_the_stem_table_keys_are(string word)
    {
        var text = word + ", " + Padding;

        var run = AsciiWordRun.Measure(text, 0, text.Length, out var low, out var high);

        run.ShouldBe(word.Length);
        PackedWordKey.TryPackLong(word, out var expectedLow, out var expectedHigh).ShouldBeTrue();
        (low, high).ShouldBe((expectedLow, expectedHigh));
    }

    [Fact]
    public void A_run_stops_at_the_end_it_is_given()
    {
        const string text = "Sentences" + Padding;

        AsciiWordRun.Measure(text, 0, 4, out var low, out var high).ShouldBe(4);
        PackedWordKey.TryPackLong("sent", out var expected, out _).ShouldBeTrue();
        (low, high).ShouldBe((expected, 0UL));
    }

    [Theory]
    [InlineData("abcdefghijklmnopq" + Padding, 0)]
    [InlineData("short", 0)]
    [InlineData("a word near the end", 10)]
    public void A_run_of_16_characters_or_one_too_near_the_text_end_is_left_to_the_loop(string text, int start)
    {
        AsciiWordRun.Measure(text, start, text.Length, out _, out _).ShouldBe(-1);
        AsciiLetterRun.Measure(text, start, new char[AsciiLetterRun.Width], out _).ShouldBe(-1);
    }

    [Fact]
    public void A_run_of_ASCII_letters_is_measured_lower_cased_and_packed_for_the_detector()
    {
        const string text = "WeLL-known" + Padding;
        var lower = new char[AsciiLetterRun.Width];

        AsciiLetterRun.Measure(text, 0, lower, out var packed).ShouldBe(4);

        new string(lower, 0, 4).ShouldBe("well");
        PackedWordKey.TryPack("well", out var expected).ShouldBeTrue();
        packed.ShouldBe(expected);
    }

    [Theory]
    [InlineData("Governments")]
    [InlineData("café")]
    [InlineData("2024")]
    [InlineData("naïveté")]
    public void A_word_read_by_vectors_gets_the_token_it_gets_read_one_character_at_a_time(string word)
    {
        var stems = StemmerCache.For("en");

        // Alone, the word is too near the text's end for a vector; followed by more text, it is read by one (when ASCII).
        var alone = Tokenizer.Tokenize(word, stems).Single();
        var inText = Tokenizer.Tokenize(word + Padding, stems)[0];

        (inText.Start, inText.Length, inText.Stem, inText.StemId, inText.IsStop).ShouldBe((alone.Start, alone.Length, alone.Stem, alone.StemId, alone.IsStop));
    }
}
