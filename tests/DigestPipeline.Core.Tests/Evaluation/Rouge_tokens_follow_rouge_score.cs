using DigestPipeline.Core.Evaluation;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Evaluation;

/// <summary>The scoring convention of <c>rouge_score</c>, so that figures compare with published ones.</summary>
public sealed class Rouge_tokens_follow_rouge_score
{
    [Fact]
    public void English_keeps_only_ascii_letters_and_digits_and_porter_stems_words_longer_than_three()
    {
        new RougeTokenizer("en").Tokenize("The runners' café raised $3.5bn, it said.")
            .ShouldBe(["the", "runner", "caf", "rais", "3", "5bn", "it", "said"]);
    }

    [Fact]
    public void French_keeps_accented_letters_and_uses_the_snowball_stemmer()
    {
        new RougeTokenizer("fr").Tokenize("Les élections présidentielles, l'été_2024 !")
            .ShouldBe(["les", "élect", "présidentiel", "l", "été", "2024"]);
    }

    [Fact]
    public void Short_tokens_are_not_stemmed()
    {
        new RougeTokenizer("en").Tokenize("was has its").ShouldBe(["was", "has", "its"]);
    }
}
