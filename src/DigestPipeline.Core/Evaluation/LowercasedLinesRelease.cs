using System.Text;
using DigestPipeline.Core.Documents;

namespace DigestPipeline.Core.Evaluation;

/// <summary>
/// Rewrites an evaluation row the way the CNN/DailyMail release is made: the text's sentences, as our splitter finds
/// them in the original text (read as an upload would be), each tokenized and lower-cased (<see cref="PtbTokens"/>)
/// on a line of its own, with no blank lines; the title and the reference tokenized the same way (ROUGE lower-cases
/// anyway; tokenizing both sides keeps split clitics such as "n't" alike).
/// </summary>
public static class LowercasedLinesRelease
{
    private static readonly DateTimeOffset ReceivedAt = DateTimeOffset.UnixEpoch;

    /// <returns>The released row and its text's lines (the released sentences, in order).</returns>
    public static (EvaluationRow Row, IReadOnlyList<string> Lines) Apply(EvaluationRow row, DocumentReader reader, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(reader);
        var original = reader.Read($"{row.Id}.txt", Encoding.UTF8.GetBytes(row.Text), ReceivedAt, language ?? row.Language);
        var tokens = language ?? row.Language ?? original.Language;
        var lines = original.Sentences
            .Select(s => PtbTokens.Of(original.SentenceText(s), tokens))
            .Where(l => l.Length > 0)
            .ToArray();
        var title = string.IsNullOrWhiteSpace(row.Title) ? row.Title : PtbTokens.Of(row.Title, tokens);
        return (row with { Title = title, Text = string.Join('\n', lines), ReferenceSummary = PtbTokens.Of(row.ReferenceSummary, tokens) }, lines);
    }
}
