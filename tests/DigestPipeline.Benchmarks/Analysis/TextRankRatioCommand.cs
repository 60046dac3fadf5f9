using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using DigestPipeline.Core.Documents;

namespace DigestPipeline.Benchmarks.Analysis;

/// <summary>
/// <c>textrank-ratio --set file.jsonl [--rounds 5] [--passes 5] [--python-passes 1] [--default-tiering]</c>: the
/// analysis throughput as a ratio to the Python + networkx TextRank of <c>Reference/textrank.py</c>, both on core 0,
/// measured in alternating rounds of the same run (the machine is shared: only a ratio taken side by side means
/// anything). Our side is the corpus benchmark's pass (<see cref="CorpusAnalysisBenchmarks.ReadAndSummarizeCorpus"/>:
/// the pipeline's reader, then the summarizer with <c>seeds/themes.json</c>) over every row of the set, in this
/// process on one thread; theirs is <c>taskset -c 0 /usr/bin/python3 textrank.py set passes</c>, which times its
/// analysis loop only, as we time ours (neither counts the JSON parse).
/// </summary>
internal static partial class TextRankRatioCommand
{
    /// <summary>Set in the re-executed child, so that it does not re-execute itself again.</summary>
    private const string PinnedVariable = "DIGEST_TEXTRANK_RATIO_PINNED";

    /// <summary>
    /// .NET delays tiered recompilation tenfold when it sees one CPU; 1 keeps the usual delay, so that the warm-up
    /// reaches the steady state the other runs measure.
    /// </summary>
    private const string TieringVariable = "DOTNET_TC_DelaySingleProcMultiplier";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var set = Option(args, "--set");
        if (set is null || !File.Exists(set))
        {
            await Console.Error.WriteLineAsync("textrank-ratio needs --set <file.jsonl>, an existing JSON Lines set (e.g. ../shared/eval/bbc_news_summary.dev.jsonl)");
            return 2;
        }

        if (Environment.GetEnvironmentVariable(PinnedVariable) != "1")
        {
            return await ReExecutePinnedAsync(args, defaultTiering: args.Contains("--default-tiering"));
        }

        var rounds = CommandLineOptions.Int(args, "--rounds", 5);
        var passes = CommandLineOptions.Int(args, "--passes", 5);
        var pythonPasses = CommandLineOptions.Int(args, "--python-passes", 1);
        var script = Path.Combine(RepositoryRoot.Find(), "tests", "DigestPipeline.Benchmarks", "Reference", "textrank.py");

        var corpus = EvaluationCorpus.LoadFile(Path.GetFullPath(set));
        var bytes = corpus.Sum(d => (long)d.Content.Length);
        var reader = new DocumentReader(new DocumentReaderOptions());
        var summarizer = AnalysisSetup.Summarizer();
        var tiering = Environment.GetEnvironmentVariable(TieringVariable) is { } multiplier ? $"{TieringVariable}={multiplier}" : "default tiering (tenfold delay on one CPU)";
        await output.WriteLineAsync($"// {Path.GetFileName(set)}: {corpus.Count:N0} documents, {bytes:N0} bytes; {Environment.ProcessorCount} visible CPU, {tiering}; "
            + $"{rounds} rounds of {passes} pass(es) ours, {pythonPasses} theirs; load average {CommandLineOptions.LoadAverage()}");

        // The summaries' fingerprint: an optimisation must leave it as it was (every theme, sentence, score and key phrase).
        await output.WriteLineAsync($"// summaries SHA-256 {Fingerprint(corpus, reader, summarizer)}");

        // Warm-up: every path of the pass, until tiered compilation has recompiled the hot methods with their
        // dynamic profile (it waits for 100 ms without new tier-0 code, then recompiles in the background).
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 3 || warmUp.Elapsed < TimeSpan.FromSeconds(4); i++)
        {
            Pass(corpus, reader, summarizer);
            Thread.Sleep(200);
        }

        var (readBytes, summarizeBytes) = Allocations(corpus, reader, summarizer);
        var allocated = readBytes + summarizeBytes;
        await output.WriteLineAsync($"// warmed up for {warmUp.Elapsed.TotalSeconds:0.0} s; one pass allocates {allocated / 1e6:0.0} MB ({allocated / (double)bytes:0.0} bytes per byte read; read {readBytes / 1e6:0.0} MB, summarize {summarizeBytes / 1e6:0.0} MB)");
        await output.WriteLineAsync("| round | ours MB/s wall | ours MB/s CPU | theirs MB/s wall | theirs MB/s CPU | ratio wall | ratio CPU | load average |");
        await output.WriteLineAsync("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        var results = new List<RoundResult>();
        for (var round = 1; round <= rounds; round++)
        {
            var ours = MeasureOurs(corpus, reader, summarizer, passes, bytes);
            var theirs = await MeasureTheirsAsync(script, set, pythonPasses);
            var result = new RoundResult(ours.Wall, ours.Cpu, theirs.Wall, theirs.Cpu);
            results.Add(result);
            await output.WriteLineAsync(Row(round.ToString(CultureInfo.InvariantCulture), result, CommandLineOptions.LoadAverage()));
        }

        var median = new RoundResult(
            Median(results.Select(r => r.OursWall)), Median(results.Select(r => r.OursCpu)),
            Median(results.Select(r => r.TheirsWall)), Median(results.Select(r => r.TheirsCpu)));
        // The median ratio is the median of the rounds' ratios, not the ratio of the medians.
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| **median** | {median.OursWall:0.00} | {median.OursCpu:0.00} | {median.TheirsWall:0.000} | {median.TheirsCpu:0.000} | "
            + $"**{Median(results.Select(r => r.RatioWall)):0.0}×** | **{Median(results.Select(r => r.RatioCpu)):0.0}×** | {CommandLineOptions.LoadAverage()} |"));
        return 0;
    }

    /// <summary>Runs this command again under <c>taskset -c 0</c>, so that the runtime itself sees one CPU (its GC and JIT threads included).</summary>
    private static async Task<int> ReExecutePinnedAsync(string[] args, bool defaultTiering)
    {
        var start = new ProcessStartInfo("taskset") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("0");
        start.ArgumentList.Add(Environment.ProcessPath ?? throw new InvalidOperationException("No path to this process's executable."));
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(TextRankRatioCommand).Assembly.Location);
        }

        start.ArgumentList.Add("textrank-ratio");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[PinnedVariable] = "1";
        if (!defaultTiering)
        {
            start.Environment[TieringVariable] = "1";
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("taskset did not start.");
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    private static int Pass(IReadOnlyList<CorpusDocument> corpus, DocumentReader reader, Core.Summaries.DocumentSummarizer summarizer)
    {
        var themes = 0;
        foreach (var document in corpus)
        {
            themes += summarizer.Summarize(reader.Read(document.Name, document.Content, AnalysisSetup.Now), AnalysisSetup.Now).Themes.Count;
        }

        return themes;
    }

    private static string Fingerprint(IReadOnlyList<CorpusDocument> corpus, DocumentReader reader, Core.Summaries.DocumentSummarizer summarizer)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var document in corpus)
        {
            hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(summarizer.Summarize(reader.Read(document.Name, document.Content, AnalysisSetup.Now), AnalysisSetup.Now)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The bytes one pass allocates reading, and summarizing.</summary>
    private static (long Read, long Summarize) Allocations(IReadOnlyList<CorpusDocument> corpus, DocumentReader reader, Core.Summaries.DocumentSummarizer summarizer)
    {
        long read = 0, summarize = 0;
        foreach (var document in corpus)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var source = reader.Read(document.Name, document.Content, AnalysisSetup.Now);
            var between = GC.GetAllocatedBytesForCurrentThread();
            summarizer.Summarize(source, AnalysisSetup.Now);
            read += between - before;
            summarize += GC.GetAllocatedBytesForCurrentThread() - between;
        }

        return (read, summarize);
    }

    /// <summary>MB/s over the wall clock and over the process's CPU time (all its threads: the GC's too).</summary>
    private static (double Wall, double Cpu) MeasureOurs(IReadOnlyList<CorpusDocument> corpus, DocumentReader reader, Core.Summaries.DocumentSummarizer summarizer, int passes, long bytes)
    {
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var p = 0; p < passes; p++)
        {
            Pass(corpus, reader, summarizer);
        }

        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        var megabytes = bytes * (double)passes / 1e6;
        return (megabytes / wall.Elapsed.TotalSeconds, megabytes / cpu.TotalSeconds);
    }

    private static async Task<(double Wall, double Cpu)> MeasureTheirsAsync(string script, string set, int passes)
    {
        // Debian's interpreter, where python3-networkx is installed (a python3 earlier on PATH may lack it).
        var start = new ProcessStartInfo("taskset") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-c", "0", "/usr/bin/python3", script, set, passes.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var python = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        var stdout = python.StandardOutput.ReadToEndAsync();
        var stderr = python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        var line = await stdout;
        var wall = Figure().Match(line);
        if (python.ExitCode != 0 || !wall.Success)
        {
            throw new InvalidOperationException($"textrank.py failed (exit {python.ExitCode}; needs Debian's python3-networkx: sudo apt-get install python3-networkx): {line}{await stderr}");
        }

        return (double.Parse(wall.Groups["wall"].Value, CultureInfo.InvariantCulture), double.Parse(wall.Groups["cpu"].Value, CultureInfo.InvariantCulture));
    }

    private static string Row(string label, RoundResult r, string load) => string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {r.OursWall:0.00} | {r.OursCpu:0.00} | {r.TheirsWall:0.000} | {r.TheirsCpu:0.000} | {r.RatioWall:0.0}× | {r.RatioCpu:0.0}× | {load} |");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    [GeneratedRegex(@"MBps_wall=(?<wall>[0-9.]+) MBps_cpu=(?<cpu>[0-9.]+)")]
    private static partial Regex Figure();

    private sealed record RoundResult(double OursWall, double OursCpu, double TheirsWall, double TheirsCpu)
    {
        public double RatioWall => OursWall / TheirsWall;

        public double RatioCpu => OursCpu / TheirsCpu;
    }
}
