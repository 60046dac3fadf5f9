using DigestPipeline.Core.Language;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Language;

/// <summary>
/// The language detector rules a word of 9 to 16 ASCII letters out of the stop-word lists from its first 8 letters
/// (most such words are in none): the long stop words themselves must still count.
/// </summary>
public sealed class Long_stop_words_count_for_their_language
{
    [Fact]
    public void A_text_of_long_German_stop_words_is_German()
    {
        // All of 9 letters, in Lucene's German list only: the text has no other evidence.
        LanguageDetector.Detect("Derselben dieselben desselben demselben denselben derselben dieselben.").ShouldBe("de");
    }

    [Fact]
    public void A_long_word_that_starts_like_a_long_stop_word_is_not_one()
    {
        // "dieselbenx" shares its first 8 letters with "dieselben" but is no stop word: only the four short ones count,
        // too few hits for a verdict.
        LanguageDetector.Detect("Dieselbenx dieselbenx dieselbenx dieselbenx und der die das.").ShouldBe(LanguageDetector.Unknown);
    }
}
