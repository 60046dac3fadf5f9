namespace DigestPipeline.Core.Summaries;

/// <summary>
/// How long a summary may be: at most so many sentences, at most so many words (whitespace-separated, the
/// summary's sentences counted together), or both. Under a word budget a sentence too long to fit may be cut to its
/// main clause (<see cref="SummarySentence.IsClause"/>).
/// </summary>
public readonly record struct SummaryBudget
{
    private SummaryBudget(int maxSentences, int? maxWords)
    {
        MaxSentences = maxSentences;
        MaxWords = maxWords;
    }

    public int MaxSentences { get; }

    /// <summary>Null when only the sentence count limits the summary.</summary>
    public int? MaxWords { get; }

    public static SummaryBudget OfSentences(int count) =>
        new(count >= 1 ? count : throw new ArgumentOutOfRangeException(nameof(count), count, "A summary needs at least one sentence."), null);

    public static SummaryBudget OfWords(int count) =>
        new(int.MaxValue, count >= 1 ? count : throw new ArgumentOutOfRangeException(nameof(count), count, "A summary needs at least one word."));

    /// <summary>At most <paramref name="sentences"/> sentences and, when given, at most <paramref name="words"/> words.</summary>
    public static SummaryBudget Of(int sentences, int? words) =>
        words is { } w ? new(OfSentences(sentences).MaxSentences, OfWords(w).MaxWords) : OfSentences(sentences);

    public bool Fits(int sentences, int words) => sentences <= MaxSentences && (MaxWords is not { } max || words <= max);

    public override string ToString() => (MaxSentences, MaxWords) switch
    {
        (int.MaxValue, { } words) => $"{words} words",
        (var sentences, { } words) => $"{sentences} sentences, {words} words",
        (var sentences, null) => $"{sentences} sentences",
    };
}
