using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Themes;
using DigestPipeline.Core.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

/// <summary>
/// The sparse graph LexRank runs on has exactly the pairwise cosines of the sentences: an edge, with the same value,
/// for every pair whose cosine is not 0, none for the others, and neighbours in increasing order.
/// </summary>
public sealed class Similarity_graph_holds_every_nonzero_cosine
{
    [Fact]
    public void Graph_of_the_seed_article_matches_pairwise_cosines()
    {
        var analyzed = AnalyzedDocument.Analyze(ThemeSamples.ReadSeedArticle());
        var similarity = SentenceSimilarity.Build(analyzed);
        var sentences = analyzed.Sentences.Where(s => s.Words.Length > 0).Select(s => s.Index).ToArray();

        var graph = similarity.Graph(sentences);

        graph.NodeCount.ShouldBe(sentences.Length);
        for (var a = 0; a < sentences.Length; a++)
        {
            var neighbours = graph.Neighbours(a).ToArray();
            var weights = graph.Weights(a).ToArray();
            neighbours.ShouldBe(neighbours.Order().ToArray());
            var expected = Enumerable.Range(0, sentences.Length)
                .Where(b => b != a && similarity.Cosine(sentences[a], sentences[b]) > 0)
                .ToArray();
            neighbours.ShouldBe(expected);
            for (var e = 0; e < neighbours.Length; e++)
            {
                weights[e].ShouldBe(similarity.Cosine(sentences[a], sentences[neighbours[e]]));
            }
        }

        graph.EdgeCount.ShouldBeLessThan(sentences.Length * (sentences.Length - 1));
    }
}
