using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigestPipeline.Core.Evaluation;

/// <summary>One document of an evaluation set (JSON Lines: <c>id, lang, category, title, text, reference_summary</c>).</summary>
public sealed record EvaluationRow(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("lang")] string? Language,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("reference_summary")] string ReferenceSummary)
{
    /// <exception cref="InvalidDataException">a line is not a row with an id, a text and a reference summary.</exception>
    public static IEnumerable<EvaluationRow> ReadJsonLines(TextReader reader)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            EvaluationRow? row;
            try
            {
                row = JsonSerializer.Deserialize<EvaluationRow>(line);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"Line {lineNumber} is not valid JSON: {e.Message}", e);
            }

            if (row is null || string.IsNullOrEmpty(row.Id) || row.Text is null || row.ReferenceSummary is null)
            {
                throw new InvalidDataException($"Line {lineNumber} lacks an id, a text or a reference_summary.");
            }

            yield return row;
        }
    }

    /// <summary>The bytes a user would upload: the title on the first line, a blank line, the text; or the text alone.</summary>
    public byte[] ToDocumentBytes(bool withTitle = true) =>
        System.Text.Encoding.UTF8.GetBytes(!withTitle || string.IsNullOrWhiteSpace(Title) ? Text : Title.Trim() + "\n\n" + Text);
}
