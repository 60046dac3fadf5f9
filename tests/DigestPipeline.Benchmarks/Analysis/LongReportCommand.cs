using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Benchmarks.Analysis;

/// <summary>
/// <c>longreport [--sizes 1,5,20] [--runs n] [--source bbc|seeds] [--max-sentences n]</c>: reads and summarizes
/// one <see cref="LongReport"/> of each size (MB), each size in a process of its own so that its peak working set is
/// its own, and prints time, allocations and peak memory with their ratio per MB to the first size's (a linear cost
/// keeps the ratios near 1). The read cap on bytes is raised to the report's size; the sentence cap is the default
/// unless <c>--max-sentences</c> is given.
/// </summary>
internal static class LongReportCommand
{
    private const string ChildCommand = "longreport-size";
    private const string ResultPrefix = "RESULT ";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var sizes = Option(args, "--sizes", "1,5,20").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var runs = CommandLineOptions.Int(args, "--runs", 3);
        var source = Option(args, "--source", "bbc");
        var maxSentences = CommandLineOptions.Int(args, "--max-sentences", new DocumentReaderOptions().MaxSentences);
        await output.WriteLineAsync($"// long report from {source}, {runs} measured runs per size (median), sentence cap {maxSentences:N0}; load average {CommandLineOptions.LoadAverage()}");

        var results = new List<SizeResult>();
        foreach (var size in sizes)
        {
            var result = await RunChildAsync(size, runs, source, maxSentences);
            results.Add(result);
            await output.WriteLineAsync($"// {size} MB done: {result.TotalMs:N0} ms, peak {result.PeakWorkingSetMb:N0} MB");
        }

        await output.WriteLineAsync($"// load average at the end {CommandLineOptions.LoadAverage()}");
        await output.WriteLineAsync("| size | bytes | sections | sentences found / considered | read ms | summarize ms | report ms | total ms | ms per MB (× first) | allocated MB (per MB × first) | peak working set MB (start) | similarity pairs per sentence |");
        await output.WriteLineAsync("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var first = results[0];
        foreach (var r in results)
        {
            var msPerMb = r.TotalMs / r.Megabytes;
            var allocatedPerMb = r.AllocatedMb / r.Megabytes;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Megabytes:0.#} MB | {r.Bytes:N0} | {r.Sections:N0} | {r.SentencesFound:N0} / {r.SentencesConsidered:N0} | {r.ReadMs:N0} | {r.SummarizeMs:N0} | {r.ReportMs:N0} | {r.TotalMs:N0} | "
                + $"{msPerMb:N0} ({msPerMb / (first.TotalMs / first.Megabytes):0.00}) | {r.AllocatedMb:N0} ({allocatedPerMb / (first.AllocatedMb / first.Megabytes):0.00}) | "
                + $"{r.PeakWorkingSetMb:N0} ({r.StartWorkingSetMb:N0}) | {(double)r.SimilarityPairs / r.SentencesConsidered:0.0} |"));
        }

        return 0;
    }

    /// <summary>The child process's part: one size, measured in a fresh process.</summary>
    public static int RunSize(string[] args, TextWriter output)
    {
        var megabytes = CommandLineOptions.Int(args, "--mb", 1);
        var runs = CommandLineOptions.Int(args, "--runs", 3);
        var source = Option(args, "--source", "bbc");
        var maxSentences = CommandLineOptions.Int(args, "--max-sentences", new DocumentReaderOptions().MaxSentences);
        var startWorkingSet = Process.GetCurrentProcess().WorkingSet64;

        var summarizer = AnalysisSetup.Summarizer();
        var report = source == "seeds" ? LongReport.FromSeeds(megabytes << 20) : LongReport.FromBbc(EvaluationCorpus.LoadBbc(), megabytes << 20);
        var reader = new DocumentReader(new DocumentReaderOptions { MaxBytes = Math.Max(report.Length, new DocumentReaderOptions().MaxBytes), MaxSentences = maxSentences });

        // Runs every path on a small report until the JIT has optimised it (tiered compilation recompiles a method
        // after 30 calls, in the background), so the runs measure the work and not the JIT.
        var warmUp = LongReport.FromBbc(EvaluationCorpus.LoadBbc(), 64 << 10);
        for (var i = 0; i < 40; i++)
        {
            var small = reader.Read(LongReport.Name, warmUp, AnalysisSetup.Now);
            DocumentSummaryReport.Create(small, summarizer.Summarize(small, AnalysisSetup.Now));
        }

        Thread.Sleep(TimeSpan.FromSeconds(1));

        var read = new List<double>();
        var summarize = new List<double>();
        var build = new List<double>();
        var allocated = new List<long>();
        SourceDocument document = null!;
        long pairs = 0;
        for (var run = 0; run < runs; run++)
        {
            // Each run starts from a clean heap, so the peak working set is one run's peak, not the garbage of several.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            document = reader.Read(LongReport.Name, report, AnalysisSetup.Now);
            read.Add(clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            var pairsBefore = SentenceSimilarity.PairsScoredOnThisThread;
            var summaries = summarizer.Summarize(document, AnalysisSetup.Now);
            pairs = SentenceSimilarity.PairsScoredOnThisThread - pairsBefore;
            summarize.Add(clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            DocumentSummaryReport.Create(document, summaries);
            build.Add(clock.Elapsed.TotalMilliseconds);
            allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
        }

        var result = new SizeResult(
            report.Length / 1048576.0,
            report.Length,
            document.Sections.Count,
            document.SentencesInText,
            document.Sentences.Count,
            Median(read),
            Median(summarize),
            Median(build),
            Median(read) + Median(summarize) + Median(build),
            allocated.Order().ElementAt(allocated.Count / 2) / 1048576.0,
            Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0,
            startWorkingSet / 1048576.0,
            pairs);
        output.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
        return 0;
    }

    private static async Task<SizeResult> RunChildAsync(int megabytes, int runs, string source, int maxSentences)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("No process path to start the measurement from."))
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { ChildCommand, "--mb", $"{megabytes}", "--runs", $"{runs}", "--source", source, "--max-sentences", $"{maxSentences}" })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("The measurement process did not start.");
        var text = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The {megabytes} MB measurement failed (exit code {child.ExitCode}):\n{text}");
        }

        return JsonSerializer.Deserialize<SizeResult>(line[ResultPrefix.Length..])!;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private sealed record SizeResult(
        double Megabytes,
        long Bytes,
        int Sections,
        int SentencesFound,
        int SentencesConsidered,
        double ReadMs,
        double SummarizeMs,
        double ReportMs,
        double TotalMs,
        double AllocatedMb,
        double PeakWorkingSetMb,
        double StartWorkingSetMb,
        long SimilarityPairs);
}
