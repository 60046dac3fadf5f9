using System.Buffers;
using System.Runtime.Intrinsics;

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

        // Each edge's term, rank[j] × weight / weightSums[j], is computed for all edges at once, a vector at a time,
        // then summed per node in neighbour order as before: the same products and quotients (a vector lane rounds as
        // the scalar operation does) added in the same order, so the same ranks. The divisions were most of the time,
        // and a vector divides four at once.
        var edgeCount = neighbours.Length;
        var sumsBuffer = ArrayPool<double>.Shared.Rent(edgeCount);
        var termsBuffer = ArrayPool<double>.Shared.Rent(edgeCount);
        var neighbourSums = sumsBuffer.AsSpan(0, edgeCount);
        var terms = termsBuffer.AsSpan(0, edgeCount);
        for (var e = 0; e < edgeCount; e++)
        {
            neighbourSums[e] = weightSums[neighbours[e]];
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

            EdgeTerms(rank, neighbours, weights, neighbourSums, terms);
            var delta = 0.0;
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var e = offsets[i]; e < offsets[i + 1]; e++)
                {
                    sum += terms[e];
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

        ArrayPool<double>.Shared.Return(sumsBuffer);
        ArrayPool<double>.Shared.Return(termsBuffer);
        graph.Release();

        var max = rank.Max();
        for (var i = 0; i < n && max > 0; i++)
        {
            rank[i] /= max;
        }

        return rank;
    }

    /// <summary>terms[e] = rank[neighbours[e]] × weights[e] / neighbourSums[e], in that order of operations.</summary>
    private static void EdgeTerms(double[] rank, ReadOnlySpan<int> neighbours, ReadOnlySpan<double> weights, ReadOnlySpan<double> neighbourSums, Span<double> terms)
    {
        var e = 0;
        for (; e + Vector256<double>.Count <= terms.Length; e += Vector256<double>.Count)
        {
            var ranks = Vector256.Create(rank[neighbours[e]], rank[neighbours[e + 1]], rank[neighbours[e + 2]], rank[neighbours[e + 3]]);
            (ranks * Vector256.Create(weights.Slice(e, Vector256<double>.Count)) / Vector256.Create(neighbourSums.Slice(e, Vector256<double>.Count))).CopyTo(terms[e..]);
        }

        for (; e < terms.Length; e++)
        {
            terms[e] = rank[neighbours[e]] * weights[e] / neighbourSums[e];
        }
    }
}
