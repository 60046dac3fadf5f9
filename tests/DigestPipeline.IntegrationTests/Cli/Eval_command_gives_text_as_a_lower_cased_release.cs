using System.Text.Json;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Cli;

/// <summary>
/// <c>digest eval --release lowercased-lines</c> gives the engine each text lower-cased, tokenized, one sentence a
/// line (as the CNN/DailyMail release), and reports the summaries over budget counted in those lines: such a text
/// was one unsplit "sentence", its whole self a 1-sentence summary.
/// </summary>
public sealed class Eval_command_gives_text_as_a_lower_cased_release
{
    [Fact]
    public async Task A_one_sentence_budget_takes_one_released_line_and_none_is_over_budget()
    {
        var folder = Directory.CreateTempSubdirectory("digest-eval-");
        try
        {
            var dataset = Path.Combine(folder.FullName, "tiny.jsonl");
            var row = new
            {
                id = "cat-1", lang = "en", category = (string?)null, title = "On mats",
                text = "The cat sat on the mat. The dog didn't sleep on the rug.", reference_summary = "The cat lay on the mat.",
            };
            await File.WriteAllTextAsync(dataset, JsonSerializer.Serialize(row) + "\n", TestContext.Current.CancellationToken);

            var (exitCode, output, errors) = await DigestCommand.RunAsync("eval", dataset, "--sentences", "1", "--release", "lowercased-lines", "--out", folder.FullName);

            exitCode.ShouldBe(0, errors);
            output.ShouldContain("Summaries over budget");
            output.ShouldMatch(@"must be 0\): 0 of 1\.");
            var lead = await File.ReadAllLinesAsync(Path.Combine(folder.FullName, "tiny.lead.jsonl"), TestContext.Current.CancellationToken);
            using var prediction = JsonDocument.Parse(lead.ShouldHaveSingleItem());
            prediction.RootElement.GetProperty("summary").GetString().ShouldBe("the cat sat on the mat .");
            var engine = await File.ReadAllLinesAsync(Path.Combine(folder.FullName, "tiny.engine.jsonl"), TestContext.Current.CancellationToken);
            using var summary = JsonDocument.Parse(engine.ShouldHaveSingleItem());
            summary.RootElement.GetProperty("summary").GetString().ShouldBeOneOf("the cat sat on the mat .", "the dog did n't sleep on the rug .");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
