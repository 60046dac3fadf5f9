using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;

namespace DigestPipeline.Benchmarks.Memory;

/// <summary>
/// <c>memory</c>: the resident memory that reading one document adds, for every case of the bad-input corpus and
/// the expanding-DOCX class, each in a child process of its own (this program again, <c>memory --case i</c>) so
/// that each peak is clean: the child's peak resident set (VmHWM) minus its resident set after warm-up. Then the
/// four worst uploads read at once in one process, and four expanding DOCX files at once (the incident of issue 12).
/// Prints a table against the goal: at most max(200 MB, 10 × the upload) per document, under 1 GB for four at once.
/// </summary>
internal static class MemoryCommand
{
    private const string ResultPrefix = "MEMORY-RESULT ";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var directory = Option(args, "--dir");
        if (Option(args, "--case") is { } one && directory is not null)
            return ReportChild(MemoryChild.Measure([Load(directory, int.Parse(one, CultureInfo.InvariantCulture))]));
        if (Option(args, "--together") is { } many && directory is not null)
            return ReportChild(MemoryChild.Measure([.. many.Split(',').Select(i => Load(directory, int.Parse(i, CultureInfo.InvariantCulture)))]));

        directory = Path.Combine(Path.GetTempPath(), $"digest-memory-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        try
        {
            return await RunAllAsync(args, directory, output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <param name="args"><c>--only text</c>: the cases whose name contains it; <c>--alone</c>: no reads at once.</param>
    private static async Task<int> RunAllAsync(string[] args, string directory, TextWriter output)
    {
        await output.WriteLineAsync($"load average {CommandLineOptions.LoadAverage()}; {Environment.ProcessorCount} cores; {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
        var cases = MemoryCases.All;
        var only = Option(args, "--only");
        var selected = Enumerable.Range(0, cases.Count).Where(i => only is null || cases[i].Name.Contains(only, StringComparison.Ordinal)).ToList();
        var expansions = new Dictionary<int, string?>();
        foreach (var i in selected)
        {
            var content = cases[i].Build();
            expansions[i] = MemoryCases.Expansion(content);
            await File.WriteAllBytesAsync(CasePath(directory, i), content);
        }

        var results = new List<(int Index, MemoryMeasurement Measurement)>();
        foreach (var i in selected)
        {
            var measurement = await RunChildAsync(directory, "--case", i.ToString(CultureInfo.InvariantCulture));
            if (expansions[i] is { } expansion) measurement = measurement with { Case = $"{measurement.Case} ({expansion})" };
            results.Add((i, measurement));
            await output.WriteLineAsync($"  {measurement.Case}: {Megabytes(measurement.AddedBytes)} in {measurement.Milliseconds:N0} ms");
        }

        var together = new List<MemoryMeasurement>();
        if (!args.Contains("--alone") && selected.Count >= 4)
        {
            var worst = results.OrderByDescending(r => r.Measurement.AddedBytes).Take(4).Select(r => r.Index).ToList();
            var expanding = cases.ToList().FindIndex(c => c.Name == "docx-expanding-100-mb-short-paragraphs");
            List<List<int>> groups = selected.Contains(expanding) ? [worst, [expanding, expanding, expanding, expanding]] : [worst];
            foreach (var group in groups)
                together.Add(await RunChildAsync(directory, "--together", string.Join(',', group)));
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("| case | upload | outcome | peak added | goal | met | time ms | allocated |");
        await output.WriteLineAsync("| --- | ---: | --- | ---: | ---: | --- | ---: | ---: |");
        foreach (var (_, m) in results.OrderByDescending(r => r.Measurement.AddedBytes))
            await output.WriteLineAsync($"| {m.Case} | {Megabytes(m.UploadBytes)} | {m.Outcome} | {Megabytes(m.AddedBytes)} | {Megabytes(m.GoalBytes)} | {(m.AddedBytes <= m.GoalBytes ? "yes" : "**no**")} | {m.Milliseconds:N0} | {Megabytes(m.AllocatedBytes)} |");

        await output.WriteLineAsync();
        await output.WriteLineAsync("| four at once, one process | uploads | outcomes | peak added | goal | met | time ms |");
        await output.WriteLineAsync("| --- | ---: | --- | ---: | ---: | --- | ---: |");
        foreach (var m in together)
            await output.WriteLineAsync($"| {m.Case} | {Megabytes(m.UploadBytes)} | {m.Outcome} | {Megabytes(m.AddedBytes)} | < 1 GB | {(m.AddedBytes < 1024L * 1024 * 1024 ? "yes" : "**no**")} | {m.Milliseconds:N0} |");

        var all = results.Select(r => r.Measurement).Concat(together).ToList();
        if (all.Any(m => !m.PeakResetWorked))
            await output.WriteLineAsync("(the kernel refused to reset the peak: peaks may include the warm-up)");
        var met = results.All(r => r.Measurement.AddedBytes <= r.Measurement.GoalBytes) && together.All(m => m.AddedBytes < 1024L * 1024 * 1024);
        return met ? 0 : 1;
    }

    private static async Task<MemoryMeasurement> RunChildAsync(string directory, string mode, string cases)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("This process has no path to start again.");
        start.FileName = self;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(MemoryCommand).Assembly.Location);
        foreach (var argument in new[] { "memory", mode, cases, "--dir", directory }) start.ArgumentList.Add(argument);

        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {self}.");
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = (await stdout).Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
            throw new InvalidOperationException($"The child for {mode} {cases} exited with {child.ExitCode}: {await stderr}");
        return JsonSerializer.Deserialize<MemoryMeasurement>(line[ResultPrefix.Length..])!;
    }

    private static int ReportChild(MemoryMeasurement measurement)
    {
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(measurement));
        return 0;
    }

    private static (MemoryCase, byte[]) Load(string directory, int index) => (MemoryCases.All[index], File.ReadAllBytes(CasePath(directory, index)));

    private static string CasePath(string directory, int index) => Path.Combine(directory, index.ToString(CultureInfo.InvariantCulture) + ".bin");

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):N1} MB");
}
