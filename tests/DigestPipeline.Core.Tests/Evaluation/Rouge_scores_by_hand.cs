using DigestPipeline.Core.Evaluation;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Evaluation;

public sealed class Rouge_scores_by_hand
{
    private static readonly string[] Predicted = ["the", "cat", "sat", "on", "the", "mat"];
    private static readonly string[] Reference = ["the", "cat", "lay", "on", "the", "mat"];

    [Fact]
    public void Rouge_1_counts_shared_words_with_their_multiplicity()
    {
        Rouge.N(Predicted, Reference, 1).ShouldBe(new RougeScore(5.0 / 6, 5.0 / 6, 5.0 / 6));
    }

    [Fact]
    public void Rouge_2_counts_shared_word_pairs()
    {
        Rouge.N(Predicted, Reference, 2).F1.ShouldBe(3.0 / 5, 1e-12);
    }

    [Fact]
    public void Rouge_l_is_the_longest_common_subsequence_over_the_whole_summary()
    {
        Rouge.LongestCommonSubsequence(Predicted, Reference).ShouldBe(5);
        Rouge.L(["a", "b", "c", "d"], ["d", "a", "c"]).ShouldBe(RougeScore.FromOverlap(2, 4, 3));
    }

    [Fact]
    public void A_repeated_word_counts_no_more_often_than_the_reference_has_it()
    {
        var score = Rouge.N(["the", "the", "the"], ["the", "cat"], 1);

        score.Precision.ShouldBe(1.0 / 3, 1e-12);
        score.Recall.ShouldBe(0.5, 1e-12);
        score.F1.ShouldBe(0.4, 1e-12);
    }

    [Fact]
    public void An_empty_summary_scores_zero()
    {
        Rouge.Score([], Reference).ShouldBe(default);
    }
}
