namespace DigestPipeline.Core.Evaluation;

/// <summary>
/// ROUGE-N (clipped n-gram overlap) and ROUGE-L (longest common subsequence of the token sequences, the
/// sentence-agnostic <c>rougeL</c> of <c>rouge_score</c>), on tokens from a <see cref="RougeTokenizer"/>.
/// </summary>
public static class Rouge
{
    public static RougeScores Score(IReadOnlyList<string> predicted, IReadOnlyList<string> reference) =>
        new(N(predicted, reference, 1), N(predicted, reference, 2), L(predicted, reference));

    public static RougeScore N(IReadOnlyList<string> predicted, IReadOnlyList<string> reference, int n)
    {
        var predictedGrams = Grams(predicted, n);
        var referenceGrams = Grams(reference, n);
        var overlap = 0;
        foreach (var (gram, count) in predictedGrams)
        {
            if (referenceGrams.TryGetValue(gram, out var referenceCount))
            {
                overlap += Math.Min(count, referenceCount);
            }
        }

        return RougeScore.FromOverlap(overlap, Math.Max(0, predicted.Count - n + 1), Math.Max(0, reference.Count - n + 1));
    }

    public static RougeScore L(IReadOnlyList<string> predicted, IReadOnlyList<string> reference) =>
        RougeScore.FromOverlap(LongestCommonSubsequence(predicted, reference), predicted.Count, reference.Count);

    /// <summary>Dynamic programming over two rows: O(|a|·|b|) time, O(|b|) memory.</summary>
    public static int LongestCommonSubsequence(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                current[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal)
                    ? previous[j - 1] + 1
                    : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Count];
    }

    private static Dictionary<string, int> Grams(IReadOnlyList<string> tokens, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = n == 1 ? tokens[i] : string.Join(' ', tokens.Skip(i).Take(n));
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }
}
