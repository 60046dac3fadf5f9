using System.Text.Json;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Cli;

/// <summary>
/// <c>digest eval</c> on a one-document set small enough to score by hand. The document's only sentence is both the
/// engine's and Lead-1's summary: "The cat sat on the mat." against the reference "The cat lay on the mat.":
/// unigrams the×2, cat, on, mat shared of 6 → ROUGE-1 F1 5/6; bigrams "the cat", "on the", "the mat" of 5 → ROUGE-2
/// 3/5; longest common subsequence "the cat on the mat" → ROUGE-L 5/6.
/// </summary>
public sealed class Eval_command_scores_a_hand_checkable_case_exactly
{
    [Fact]
    public async Task Scores_and_predictions_match_the_hand_computed_ones()
    {
        var folder = Directory.CreateTempSubdirectory("digest-eval-");
        try
        {
            var dataset = Path.Combine(folder.FullName, "tiny.jsonl");
            var row = new { id = "cat-1", lang = "en", category = (string?)null, title = "On mats", text = "The cat sat on the mat.", reference_summary = "The cat lay on the mat." };
            await File.WriteAllTextAsync(dataset, JsonSerializer.Serialize(row) + "\n", TestContext.Current.CancellationToken);

            var (exitCode, output, errors) = await DigestCommand.RunAsync("eval", dataset, "--sentences", "1", "--out", folder.FullName);

            exitCode.ShouldBe(0, errors);
            output.ShouldMatch(@"DigestPipeline\s+│\s+83\.33\s+│\s+60\.00\s+│\s+83\.33\s+│");
            output.ShouldMatch(@"Lead-1\s+│\s+83\.33\s+│\s+60\.00\s+│\s+83\.33\s+│");
            var predictions = await File.ReadAllLinesAsync(Path.Combine(folder.FullName, "tiny.engine.jsonl"), TestContext.Current.CancellationToken);
            predictions.ShouldHaveSingleItem();
            using var prediction = JsonDocument.Parse(predictions[0]);
            prediction.RootElement.GetProperty("id").GetString().ShouldBe("cat-1");
            prediction.RootElement.GetProperty("summary").GetString().ShouldBe("The cat sat on the mat.");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
