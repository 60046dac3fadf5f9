namespace DigestPipeline.Core.Evaluation;

/// <summary>
/// The article's first words, cut at a given length wherever that falls (mid-sentence too): what a summary of that
/// length must beat to show that it chose anything, since news puts its essentials first. Taken from the text alone,
/// never the title, which reference systems do not see either. Words are counted as <c>WordCount</c> counts them.
/// </summary>
public static class FirstWordsBaseline
{
    public static string Summarize(string text, int words)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(words));
    }
}
