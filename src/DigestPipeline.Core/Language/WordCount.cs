namespace DigestPipeline.Core.Language;

/// <summary>Words as summaries' budgets, theme evidence and the evaluation count them: runs of non-whitespace characters.</summary>
public static class WordCount
{
    public static int Of(ReadOnlySpan<char> text)
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
