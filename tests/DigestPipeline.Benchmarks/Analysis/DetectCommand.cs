using System.Diagnostics;
using System.Globalization;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Language;

namespace DigestPipeline.Benchmarks.Analysis;

/// <summary>
/// <c>detect --set file.jsonl [--rounds 7] [--passes 10]</c>: language detection alone, as <c>DocumentReader</c> runs
/// it (once over each document's normalised text), over a JSON Lines set read once beforehand by the pipeline's reader:
/// a tenth of the analysis, too small for <c>textrank-ratio</c>'s rounds, which move by ±10 % on this shared machine,
/// to show a change of a few per cent in it. Run it pinned, as that command runs itself:
/// <c>DOTNET_TC_DelaySingleProcMultiplier=1 taskset -c 0 …</c>. MB/s = characters of the documents' text / 10⁶ / s.
/// </summary>
internal static class DetectCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var set = args.SkipWhile(a => a != "--set").Skip(1).FirstOrDefault();
        if (set is null || !File.Exists(set))
        {
            await Console.Error.WriteLineAsync("detect needs --set <file.jsonl>, an existing JSON Lines set (e.g. ../shared/eval/bbc_news_summary.dev.jsonl)");
            return 2;
        }

        var rounds = CommandLineOptions.Int(args, "--rounds", 7);
        var passes = CommandLineOptions.Int(args, "--passes", 10);
        var reader = new DocumentReader(new DocumentReaderOptions());
        var texts = EvaluationCorpus.LoadFile(Path.GetFullPath(set)).Select(d => reader.Read(d.Name, d.Content, AnalysisSetup.Now).Text).ToList();
        var characters = texts.Sum(t => (long)t.Length);

        // Warm-up: until tiered compilation has recompiled the loop with its dynamic profile.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(3))
        {
            Pass(texts);
        }

        var figures = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var wall = Stopwatch.StartNew();
            for (var p = 0; p < passes; p++)
            {
                Pass(texts);
            }

            figures.Add(characters * (double)passes / 1e6 / wall.Elapsed.TotalSeconds);
        }

        figures.Sort();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"// {Path.GetFileName(set)}: {texts.Count:N0} documents, {characters:N0} characters, detected as {string.Join(", ", texts.CountBy(t => LanguageDetector.Detect(t)).Select(c => $"{c.Key} {c.Value}"))}; "
            + $"detecting MB/s, median of {rounds} rounds of {passes} passes: {figures[figures.Count / 2]:0.0} (range {figures[0]:0.0}–{figures[^1]:0.0}); load average {CommandLineOptions.LoadAverage()}"));
        return 0;
    }

    private static void Pass(List<string> texts)
    {
        foreach (var text in texts)
        {
            LanguageDetector.Detect(text);
        }
    }
}
