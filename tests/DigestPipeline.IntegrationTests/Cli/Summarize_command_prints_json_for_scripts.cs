using System.Text.Json;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Cli;

/// <summary>
/// <c>digest summarize</c> run as a user runs it (<c>dotnet digest.dll summarize …</c> from the repository root),
/// without storage: the seed article's JSON, and a rejected file.
/// </summary>
public sealed class Summarize_command_prints_json_for_scripts
{
    [Fact]
    public async Task Seed_article_has_a_health_theme_from_the_sante_section_with_offsets_into_its_text()
    {
        var (exitCode, output, errors) = await DigestCommand.RunAsync("summarize", Path.Combine("seeds", "documents", "fr-tech-basel-ai-summit-miami.txt"), "--json");

        exitCode.ShouldBe(0, errors);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("language").GetString().ShouldBe("fr");
        root.GetProperty("id").GetString()!.Length.ShouldBe(32);
        var text = root.GetProperty("text").GetString()!;
        var health = root.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "health");
        health.GetProperty("label").GetString().ShouldBe("Santé");
        var sentences = health.GetProperty("sentences").EnumerateArray().ToList();
        sentences.ShouldContain(s => s.GetProperty("section").GetString()!.StartsWith("Santé", StringComparison.Ordinal));
        foreach (var sentence in root.GetProperty("themes").EnumerateArray().SelectMany(t => t.GetProperty("sentences").EnumerateArray()))
        {
            text.Substring(sentence.GetProperty("start").GetInt32(), sentence.GetProperty("length").GetInt32())
                .ShouldBe(sentence.GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task Empty_file_is_rejected_on_stderr_with_a_failing_exit_code()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"digest-empty-{Guid.NewGuid():N}.txt");
        await File.WriteAllBytesAsync(empty, [], TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output, errors) = await DigestCommand.RunAsync("summarize", empty, "--json");

            exitCode.ShouldNotBe(0);
            errors.ShouldContain("is empty");
            output.ShouldBeEmpty();
        }
        finally
        {
            File.Delete(empty);
        }
    }
}
