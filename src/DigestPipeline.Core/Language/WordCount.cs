namespace DigestPipeline.Core.Language;

/// <summary>
/// Words as summaries' budgets, theme evidence and the evaluation count them: runs of non-whitespace characters, and
/// each Han or kana character on its own (Chinese and Japanese put no space between words: a whole sentence would
/// count as one word, and fit any budget).
/// </summary>
public static class WordCount
{
    public static int Of(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (WritingScripts.IsUnspaced(c))
            {
                count++;
                inWord = false;
                continue;
            }

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
