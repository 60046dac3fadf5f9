using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Themes;
using DigestPipeline.Core.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

/// <summary>
/// MMR compares each selected sentence with every candidate left through the selected sentence's vector spread over
/// the term numbers (<see cref="SentenceSimilarity.RowOf"/>): the cosines must be exactly those of the pairwise
/// <see cref="SentenceSimilarity.Cosine"/>, bit for bit, since summaries compare and round them.
/// </summary>
public sealed class A_sentence_row_gives_the_same_cosines
{
    [Fact]
    public void Every_pair_of_the_seed_article_has_the_pairwise_cosine()
    {
        var analyzed = AnalyzedDocument.Analyze(ThemeSamples.ReadSeedArticle());
        var similarity = SentenceSimilarity.Build(analyzed);
        var sentences = analyzed.Sentences.Select(s => s.Index).ToArray();
        var shared = 0;
        foreach (var a in sentences)
        {
            using var row = similarity.RowOf(a);
            foreach (var b in sentences)
            {
                var expected = similarity.Cosine(a, b);
                BitConverter.DoubleToInt64Bits(row.With(b)).ShouldBe(BitConverter.DoubleToInt64Bits(expected), $"sentences {a} and {b}");
                shared += a != b && expected > 0 ? 1 : 0;
            }
        }

        // The article's sentences share terms: the check compared real sums, not only zeros.
        shared.ShouldBeGreaterThan(sentences.Length);
    }

    [Fact]
    public void A_row_leaves_no_trace_in_the_next_one()
    {
        var analyzed = AnalyzedDocument.Analyze(ThemeSamples.ReadSeedArticle());
        var similarity = SentenceSimilarity.Build(analyzed);
        var last = analyzed.Sentences.Count - 1;

        // The first row's spread array goes back to the pool; the next row must not read its weights.
        using (var first = similarity.RowOf(0))
        {
            first.With(last).ShouldBe(similarity.Cosine(0, last));
        }

        using var second = similarity.RowOf(last);
        for (var b = 0; b <= last; b++)
        {
            second.With(b).ShouldBe(similarity.Cosine(last, b));
        }
    }
}
