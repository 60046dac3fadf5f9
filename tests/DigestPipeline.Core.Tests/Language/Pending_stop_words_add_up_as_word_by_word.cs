using System.Numerics;
using DigestPipeline.Core.Language;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Language;

/// <summary>
/// The language detector keeps a sentence's stop words as their masks and adds their rows later, in a tight loop:
/// the scores must be the very sums that adding each word's 1/k to each of its k languages in turn gave, words of no
/// list included (they add nothing), across a buffer that fills up and is added several times.
/// </summary>
public sealed class Pending_stop_words_add_up_as_word_by_word
{
    [Fact]
    public void Scores_are_the_same_sums_in_the_same_order_whatever_the_buffer_holds()
    {
        var expected = new double[8];
        var scores = new double[8];
        var pending = new LanguageDetector.PendingStopWords(stackalloc byte[LanguageDetector.PendingStopWords.Capacity]);
        var random = new Random(7);
        for (var word = 0; word < 5 * LanguageDetector.PendingStopWords.Capacity; word++)
        {
            // About half the words are in no list, as in running text; the others in one to all seven.
            var mask = random.Next(2) == 0 ? (byte)0 : (byte)random.Next(1, 128);
            pending.Add(mask, scores);
            for (var language = 0; language < 7; language++)
            {
                if ((mask & (1 << language)) != 0)
                {
                    expected[language] += 1.0 / BitOperations.PopCount(mask);
                }
            }
        }

        pending.AddTo(scores);

        scores.ShouldBe(expected);
    }
}
