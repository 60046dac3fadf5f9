namespace DigestPipeline.Core.Summaries;

/// <summary>
/// How long a summary may be: at most so many sentences, or at most so many words (whitespace-separated, the
/// summary's whole sentences counted together). Sentences are never cut.
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

    public bool Fits(int sentences, int words) => sentences <= MaxSentences && (MaxWords is not { } max || words <= max);

    public override string ToString() => MaxWords is { } words ? $"{words} words" : $"{MaxSentences} sentences";

    /// <summary>Words as the budget counts them: runs of non-whitespace characters.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inWord)
            {
                count++;
            }

            inWord = !isSpace;
        }

        return count;
    }
}
