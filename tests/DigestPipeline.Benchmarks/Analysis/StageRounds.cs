using System.Diagnostics;
using System.Globalization;
using DigestPipeline.Core.Documents;

namespace DigestPipeline.Benchmarks.Analysis;

/// <summary>
/// What the one-stage commands (<c>tokenize</c>, <c>detect</c>) share: the set read once by the pipeline's reader, a
/// warm-up until tiered compilation has recompiled the stage's loop with its dynamic profile, then rounds of passes,
/// MB/s of the documents' text (characters / 10⁶ / s) per round.
/// </summary>
internal static class StageRounds
{
    /// <summary>The set's documents as the pipeline reads them, or null (and a line on stderr) when <c>--set</c> names no file.</summary>
    public static async Task<List<SourceDocument>?> ReadSetAsync(string[] args, string command)
    {
        var set = args.SkipWhile(a => a != "--set").Skip(1).FirstOrDefault();
        if (set is null || !File.Exists(set))
        {
            await Console.Error.WriteLineAsync($"{command} needs --set <file.jsonl>, an existing JSON Lines set (e.g. ../shared/eval/bbc_news_summary.dev.jsonl)");
            return null;
        }

        var reader = new DocumentReader(new DocumentReaderOptions());
        return [.. EvaluationCorpus.LoadFile(Path.GetFullPath(set)).Select(d => reader.Read(d.Name, d.Content, AnalysisSetup.Now))];
    }

    /// <summary>Runs <paramref name="pass"/> over the documents and returns the line that reports its median MB/s.</summary>
    public static string Measure(string[] args, IReadOnlyList<SourceDocument> documents, string stage, Action pass)
    {
        var rounds = CommandLineOptions.Int(args, "--rounds", 7);
        var passes = CommandLineOptions.Int(args, "--passes", 10);
        var characters = documents.Sum(d => (long)d.Text.Length);
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(3))
        {
            pass();
        }

        var figures = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var wall = Stopwatch.StartNew();
            for (var p = 0; p < passes; p++)
            {
                pass();
            }

            figures.Add(characters * (double)passes / 1e6 / wall.Elapsed.TotalSeconds);
        }

        figures.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"{documents.Count:N0} documents, {characters:N0} characters; {stage} MB/s, median of {rounds} rounds of {passes} passes: "
            + $"{figures[figures.Count / 2]:0.0} (range {figures[0]:0.0}–{figures[^1]:0.0}); load average {CommandLineOptions.LoadAverage()}");
    }
}
