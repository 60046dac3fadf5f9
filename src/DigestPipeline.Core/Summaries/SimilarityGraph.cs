namespace DigestPipeline.Core.Summaries;

/// <summary>
/// The similarity graph of some sentences (<see cref="SimilarityMeasure"/>), as adjacency lists: only the pairs that share a term have an
/// edge (the others are 0). Node <c>i</c> is the i-th sentence given to <see cref="SentenceSimilarity.Graph"/>;
/// each node's neighbours are in increasing node order, so sums over them run in the order a dense matrix row would.
/// </summary>
internal sealed class SimilarityGraph
{
    private readonly int[] _offsets;
    private readonly int[] _neighbours;
    private readonly double[] _weights;
    private readonly double[] _weightSums;

    public SimilarityGraph(int[] offsets, int[] neighbours, double[] weights)
    {
        _offsets = offsets;
        _neighbours = neighbours;
        _weights = weights;
        _weightSums = new double[offsets.Length - 1];
        for (var node = 0; node < _weightSums.Length; node++)
        {
            var sum = 0.0;
            foreach (var weight in Weights(node))
            {
                sum += weight;
            }

            _weightSums[node] = sum;
        }
    }

    public int NodeCount => _offsets.Length - 1;

    /// <summary>Edges counted once per direction.</summary>
    public int EdgeCount => _neighbours.Length;

    public ReadOnlySpan<int> Neighbours(int node) => _neighbours.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>The similarity with each of <see cref="Neighbours"/>, above 0.</summary>
    public ReadOnlySpan<double> Weights(int node) => _weights.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>Where each node's neighbours and weights start in <see cref="AllNeighbours"/> and <see cref="AllWeights"/> (one more than the nodes).</summary>
    public ReadOnlySpan<int> Offsets => _offsets;

    public ReadOnlySpan<int> AllNeighbours => _neighbours;

    public ReadOnlySpan<double> AllWeights => _weights;

    /// <summary><see cref="WeightSum"/> of every node.</summary>
    public ReadOnlySpan<double> WeightSums => _weightSums;

    /// <summary>The sum of the node's similarities (its row sum in the similarity matrix).</summary>
    public double WeightSum(int node) => _weightSums[node];
}
