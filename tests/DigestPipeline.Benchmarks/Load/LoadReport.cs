using System.Globalization;
using DigestPipeline.Benchmarks.Latency;

namespace DigestPipeline.Benchmarks.Load;

/// <summary>The load harness's Markdown tables: throughput and latency of both runs, then requests per document.</summary>
internal static class LoadReport
{
    public static void Write(TextWriter output, int uploaders, LoadRunResult host, LoadRunResult ceiling)
    {
        var count = host.Documents.Count;
        output.WriteLine(Invariant($"### {count:N0} documents uploaded at once ({uploaders} uploads in flight), fresh in-memory Azurite each, {Environment.ProcessorCount} cores, load average {CommandLineOptions.LoadAverage()}"));
        output.WriteLine();
        output.WriteLine("| system | summarized | lost | documents/s | upload → summary p50 ms | p99 ms | max ms | share of ceiling | CPU s in this process | Azurite CPU ms per document |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var hostRate = Rate(host);
        WriteRow(output, host, Invariant($"{100 * hostRate / Rate(ceiling):F0} %"));
        WriteRow(output, ceiling, "100 %");

        output.WriteLine();
        output.WriteLine(Invariant($"Blobs the pipeline wrote per document, mean (the loop writes the same sizes): documents/ {host.StoredBytes.Document:N0} bytes, summaries/ {host.StoredBytes.Summary:N0} bytes."));
        output.WriteLine();
        output.WriteLine("Storage requests per document (all requests of the run ÷ documents; the host's include its idle polling), and their mean time to a response:");
        output.WriteLine();
        output.WriteLine("| request | local host | plain SDK loop | local host, mean ms | plain SDK loop, mean ms |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var operation in host.Requests.Keys.Union(ceiling.Requests.Keys).Order(StringComparer.Ordinal))
        {
            output.WriteLine(Invariant(
                $"| {operation} | {PerDocument(host, operation):F2} | {PerDocument(ceiling, operation):F2} | {MeanMs(host, operation)} | {MeanMs(ceiling, operation)} |"));
        }
    }

    /// <summary>Documents per second from the first upload's start to the last summary.</summary>
    private static double Rate(LoadRunResult run) =>
        run.Summarized.Count == 0 ? 0 : run.Summarized.Count / run.Summarized.Values.Max().TotalSeconds;

    private static double PerDocument(LoadRunResult run, string operation) =>
        run.Requests.GetValueOrDefault(operation) / (double)run.Documents.Count;

    private static string MeanMs(LoadRunResult run, string operation) =>
        run.RequestTimes.TryGetValue(operation, out var mean) ? mean.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture) : "";

    private static void WriteRow(TextWriter output, LoadRunResult run, string share)
    {
        var latency = LatencyStatistics.Of(run.Summarized.Select(s => s.Value - run.Uploaded[s.Key]));
        output.WriteLine(Invariant(
            $"| {run.System} | {run.Summarized.Count:N0} | {run.Documents.Count - run.Summarized.Count} | {Rate(run):F1} | {latency.MedianMs:F0} | {latency.P99Ms:F0} | {latency.MaxMs:F0} | {share} | {run.ProcessCpu.TotalSeconds:F1} | {run.AzuriteCpu.TotalMilliseconds / run.Documents.Count:F1} |"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
