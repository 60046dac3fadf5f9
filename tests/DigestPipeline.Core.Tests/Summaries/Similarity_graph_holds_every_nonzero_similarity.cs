using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Themes;
using DigestPipeline.Core.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

/// <summary>
/// The sparse graph LexRank runs on has exactly the pairwise similarities of the sentences (cosine, or TextRank's
/// overlap): an edge, with the same value, for every pair whose similarity is not 0, none for the others, and
/// neighbours in increasing order.
/// </summary>
public sealed class Similarity_graph_holds_every_nonzero_similarity
{
    [Theory]
    [InlineData(SimilarityMeasure.Cosine)]
    [InlineData(SimilarityMeasure.Overlap)]
    internal void Graph_of_the_seed_article_matches_pairwise_similarities(SimilarityMeasure measure)
    {
        var analyzed = AnalyzedDocument.Analyze(ThemeSamples.ReadSeedArticle());
        var similarity = SentenceSimilarity.Build(analyzed);
        var sentences = analyzed.Sentences.Where(s => s.Words.Length > 0).Select(s => s.Index).ToArray();

        Func<int, int, double> pairwise = measure == SimilarityMeasure.Cosine ? similarity.Cosine : similarity.Overlap;

        var graph = similarity.Graph(sentences, measure);

        graph.NodeCount.ShouldBe(sentences.Length);
        for (var a = 0; a < sentences.Length; a++)
        {
            var neighbours = graph.Neighbours(a).ToArray();
            var weights = graph.Weights(a).ToArray();
            neighbours.ShouldBe(neighbours.Order().ToArray());
            var expected = Enumerable.Range(0, sentences.Length)
                .Where(b => b != a && pairwise(sentences[a], sentences[b]) > 0)
                .ToArray();
            neighbours.ShouldBe(expected);
            for (var e = 0; e < neighbours.Length; e++)
            {
                weights[e].ShouldBe(pairwise(sentences[a], sentences[neighbours[e]]));
            }
        }

        graph.EdgeCount.ShouldBeLessThan(sentences.Length * (sentences.Length - 1));
    }
}
