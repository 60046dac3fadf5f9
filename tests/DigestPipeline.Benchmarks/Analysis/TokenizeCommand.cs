using System.Diagnostics;
using System.Globalization;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Language;

namespace DigestPipeline.Benchmarks.Analysis;

/// <summary>
/// <c>tokenize --set file.jsonl [--rounds 7] [--passes 10]</c>: the tokenizer alone, as <c>AnalyzedDocument</c> runs it
/// (every sentence, content words only, into one scratch list), over a JSON Lines set read once beforehand by the
/// pipeline's reader: a stage too small in the whole analysis (a fifth of it) for <c>textrank-ratio</c>'s rounds, which
/// move by ±10 % on this shared machine, to show a change of a few per cent in it. Run it pinned, as that command runs
/// itself: <c>DOTNET_TC_DelaySingleProcMultiplier=1 taskset -c 0 …</c>. MB/s = characters of the documents' text / 10⁶ / s.
/// </summary>
internal static class TokenizeCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var set = args.SkipWhile(a => a != "--set").Skip(1).FirstOrDefault();
        if (set is null || !File.Exists(set))
        {
            await Console.Error.WriteLineAsync("tokenize needs --set <file.jsonl>, an existing JSON Lines set (e.g. ../shared/eval/bbc_news_summary.dev.jsonl)");
            return 2;
        }

        var rounds = CommandLineOptions.Int(args, "--rounds", 7);
        var passes = CommandLineOptions.Int(args, "--passes", 10);
        var reader = new DocumentReader(new DocumentReaderOptions());
        var documents = EvaluationCorpus.LoadFile(Path.GetFullPath(set)).Select(d => reader.Read(d.Name, d.Content, AnalysisSetup.Now)).ToList();
        var characters = documents.Sum(d => (long)d.Text.Length);
        var tokens = new List<Token>();

        // Warm-up: until tiered compilation has recompiled the loop with its dynamic profile.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(3))
        {
            Pass(documents, tokens);
        }

        var figures = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var wall = Stopwatch.StartNew();
            for (var p = 0; p < passes; p++)
            {
                Pass(documents, tokens);
            }

            figures.Add(characters * (double)passes / 1e6 / wall.Elapsed.TotalSeconds);
        }

        figures.Sort();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"// {Path.GetFileName(set)}: {documents.Count:N0} documents, {characters:N0} characters; tokenizing MB/s, median of {rounds} rounds of {passes} passes: "
            + $"{figures[figures.Count / 2]:0.0} (range {figures[0]:0.0}–{figures[^1]:0.0}); load average {CommandLineOptions.LoadAverage()}"));
        return 0;
    }

    private static void Pass(List<SourceDocument> documents, List<Token> tokens)
    {
        foreach (var document in documents)
        {
            var stems = StemmerCache.For(document.Language);
            foreach (var sentence in document.Sentences)
            {
                tokens.Clear();
                Tokenizer.Tokenize(document.Text, sentence.Start, sentence.Length, stems, tokens, contentWordsOnly: true);
            }
        }
    }
}
