using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Core.Evaluation;

/// <summary>
/// Counts a summary's sentences in the released text's own sentences (its lines), whatever the engine took for a
/// sentence: a "sentence" that spans three released lines is three, so a sentence budget cannot be met by failing to
/// split.
/// </summary>
internal static class ReleasedLines
{
    /// <param name="text">The document's normalised text, holding the lines in order (joined by a line feed or a space).</param>
    public static int Spanned(string text, IReadOnlyList<string> lines, IReadOnlyList<SummarySentence> summary)
    {
        var spans = new List<(int Start, int End)>(lines.Count);
        var cursor = 0;
        foreach (var line in lines)
        {
            var at = text.IndexOf(line, cursor, StringComparison.Ordinal);
            if (at < 0) continue;
            spans.Add((at, at + line.Length));
            cursor = at + line.Length;
        }

        var count = 0;
        foreach (var sentence in summary)
        {
            var end = sentence.Start + sentence.Length;
            count += Math.Max(1, spans.Count(s => s.Start < end && sentence.Start < s.End));
        }

        return count;
    }
}
