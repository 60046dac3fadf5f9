using System.Buffers;

namespace DigestPipeline.Core.Summaries;

/// <summary>
/// The similarity graph of some sentences (<see cref="SimilarityMeasure"/>), as adjacency lists: only the pairs that share a term have an
/// edge (the others are 0). Node <c>i</c> is the i-th sentence given to <see cref="SentenceSimilarity.Graph"/>;
/// each node's neighbours are in increasing node order, so sums over them run in the order a dense matrix row would.
/// Its arrays come from the shared pools (one graph per theme and document, garbage at once): <see cref="Release"/>
/// hands them back once it is read.
/// </summary>
internal sealed class SimilarityGraph
{
    private readonly int[] _offsets;
    private readonly int[] _neighbours;
    private readonly double[] _weights;
    private readonly double[] _weightSums;
    private readonly int _nodeCount;
    private readonly int _edgeCount;

    /// <param name="offsets">pooled, at least <paramref name="nodeCount"/> + 1 long.</param>
    /// <param name="neighbours">pooled, at least as long as the edges (<paramref name="offsets"/>[<paramref name="nodeCount"/>]).</param>
    /// <param name="weights">pooled, as long as <paramref name="neighbours"/>.</param>
    public SimilarityGraph(int[] offsets, int[] neighbours, double[] weights, int nodeCount)
    {
        _offsets = offsets;
        _neighbours = neighbours;
        _weights = weights;
        _nodeCount = nodeCount;
        _edgeCount = offsets[nodeCount];
        _weightSums = ArrayPool<double>.Shared.Rent(nodeCount);
        for (var node = 0; node < nodeCount; node++)
        {
            var sum = 0.0;
            foreach (var weight in Weights(node))
            {
                sum += weight;
            }

            _weightSums[node] = sum;
        }
    }

    public int NodeCount => _nodeCount;

    /// <summary>Edges counted once per direction.</summary>
    public int EdgeCount => _edgeCount;

    public ReadOnlySpan<int> Neighbours(int node) => _neighbours.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>The similarity with each of <see cref="Neighbours"/>, above 0.</summary>
    public ReadOnlySpan<double> Weights(int node) => _weights.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>Where each node's neighbours and weights start in <see cref="AllNeighbours"/> and <see cref="AllWeights"/> (one more than the nodes).</summary>
    public ReadOnlySpan<int> Offsets => _offsets.AsSpan(0, _nodeCount + 1);

    public ReadOnlySpan<int> AllNeighbours => _neighbours.AsSpan(0, _edgeCount);

    public ReadOnlySpan<double> AllWeights => _weights.AsSpan(0, _edgeCount);

    /// <summary><see cref="WeightSum"/> of every node.</summary>
    public ReadOnlySpan<double> WeightSums => _weightSums.AsSpan(0, _nodeCount);

    /// <summary>The sum of the node's similarities (its row sum in the similarity matrix).</summary>
    public double WeightSum(int node) => _weightSums[node];

    /// <summary>Returns the arrays to their pools: the graph must not be read afterwards.</summary>
    public void Release()
    {
        ArrayPool<int>.Shared.Return(_offsets);
        ArrayPool<int>.Shared.Return(_neighbours);
        ArrayPool<double>.Shared.Return(_weights);
        ArrayPool<double>.Shared.Return(_weightSums);
    }
}
