using DigestPipeline.Core.Summaries;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

public sealed class Clause_prefix_ends_at_a_clause_boundary
{
    private const string Sentence = "The council approved the budget on Tuesday after a long debate, with two members voting against it; the mayor welcomed the vote.";

    [Theory]
    [InlineData(12, "The council approved the budget on Tuesday after a long debate")]
    [InlineData(18, "The council approved the budget on Tuesday after a long debate, with two members voting against it")]
    public void The_longest_opening_that_fits_is_taken(int maxWords, string expected)
    {
        Sentence[..ClausePrefix.Find(Sentence, maxWords, "en")!.Value].ShouldBe(expected);
    }

    [Fact]
    public void No_prefix_when_the_first_clause_does_not_fit()
    {
        ClausePrefix.Find(Sentence, 8, "en").ShouldBeNull();
    }

    [Fact]
    public void No_prefix_that_keeps_too_little_of_the_sentence()
    {
        ClausePrefix.Find("Yes, the council approved the budget on Tuesday after a long and heated debate in the chamber.", 10, "en").ShouldBeNull();
    }
}
