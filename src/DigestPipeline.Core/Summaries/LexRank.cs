using System.Buffers;

namespace DigestPipeline.Core.Summaries;

/// <summary>Continuous LexRank (Erkan and Radev, 2004): PageRank over a similarity graph of sentences.</summary>
internal static class LexRank
{
    private const double Damping = 0.85;

    /// <summary>
    /// Continuous LexRank: PageRank over the similarity graph of the candidates. The graph is sparse (only pairs
    /// sharing a term), so an iteration costs the number of edges, not n²; sums run in increasing neighbour order
    /// with the same terms as over a dense matrix, so the ranks are the same.
    /// </summary>
    /// <returns>Each candidate's centrality, scaled so that the most central has 1.</returns>
    public static double[] Centrality(RankingCandidate[] candidates, SentenceSimilarity similarity, SimilarityMeasure measure)
    {
        var n = candidates.Length;
        var rank = new double[n];
        Array.Fill(rank, 1.0 / n);
        if (n == 1)
        {
            return [1.0];
        }

        var sentences = new int[n];
        for (var i = 0; i < n; i++)
        {
            sentences[i] = candidates[i].Sentence;
        }

        var graph = similarity.Graph(sentences, measure);
        var next = new double[n];

        // The graph's arrays read directly (the same operations in the same order as through its per-node views).
        var offsets = graph.Offsets;
        var neighbours = graph.AllNeighbours;
        var weights = graph.AllWeights;
        var weightSums = graph.WeightSums;

        // Each edge's term is rank[j] × (weight / weightSums[j]): the quotient is the same at every iteration, so it is
        // divided once per edge instead of once per edge and iteration (about 30 iterations on a news article; the
        // divisions were most of LexRank's time). It was (rank[j] × weight) / weightSums[j]: the ranks can differ in
        // their last bit, the rounded scores do not (every summary of the BBC and OrangeSum dev sets is the same,
        // byte for byte). Sums still run per node in increasing neighbour order.
        var edgeCount = neighbours.Length;
        var quotientsBuffer = ArrayPool<double>.Shared.Rent(edgeCount);
        var quotients = quotientsBuffer.AsSpan(0, edgeCount);
        for (var e = 0; e < edgeCount; e++)
        {
            quotients[e] = weights[e] / weightSums[neighbours[e]];
        }

        for (var iteration = 0; iteration < 50; iteration++)
        {
            var dangling = 0.0;
            for (var j = 0; j < n; j++)
            {
                if (weightSums[j] == 0)
                {
                    dangling += rank[j];
                }
            }

            var delta = 0.0;
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var e = offsets[i]; e < offsets[i + 1]; e++)
                {
                    sum += rank[neighbours[e]] * quotients[e];
                }

                next[i] = ((1 - Damping) / n) + (Damping * (sum + (dangling / n)));
                delta += Math.Abs(next[i] - rank[i]);
            }

            (rank, next) = (next, rank);
            if (delta < 1e-9)
            {
                break;
            }
        }

        ArrayPool<double>.Shared.Return(quotientsBuffer);
        graph.Release();

        var max = rank.Max();
        for (var i = 0; i < n && max > 0; i++)
        {
            rank[i] /= max;
        }

        return rank;
    }
}
