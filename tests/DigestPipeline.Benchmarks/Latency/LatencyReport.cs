using System.Globalization;

namespace DigestPipeline.Benchmarks.Latency;

/// <summary>The harness's Markdown tables.</summary>
internal static class LatencyReport
{
    public sealed record Row(LatencyConfiguration Configuration, IReadOnlyList<LatencySample> Samples);

    public static void Write(TextWriter output, string seedName, int seedBytes, IReadOnlyList<Row> rows, IReadOnlyList<AzuriteCeiling.Result> ceiling)
    {
        output.WriteLine(Invariant($"### Upload → summary-written latency, `{seedName}` ({seedBytes:N0} bytes + a unique line), Azurite in memory, local host, {Environment.ProcessorCount} cores"));
        output.WriteLine();
        output.WriteLine("| configuration | n | failed | median ms | p90 ms | max ms | median ms to documents/ |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            var total = LatencyStatistics.Of(row.Samples.Where(s => s.Succeeded).Select(s => s.ToSummary!.Value));
            var ingest = LatencyStatistics.Of(row.Samples.Where(s => s.ToDocument is not null).Select(s => s.ToDocument!.Value));
            output.WriteLine(Invariant(
                $"| {row.Configuration.Name} | {total.Count} | {row.Samples.Count(s => !s.Succeeded)} | {total.MedianMs:F0} | {total.P90Ms:F0} | {total.MaxMs:F0} | {ingest.MedianMs:F0} |"));
        }

        output.WriteLine();
        output.WriteLine("### Azurite ceiling in the same run (plain SDK client, fresh in-memory Azurite)");
        output.WriteLine();
        output.WriteLine("| operation | in flight | n | ops/s | slowest ms |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var result in ceiling)
            output.WriteLine(Invariant($"| {result.Operation} | {result.Concurrency} | {result.Count} | {result.OpsPerSecond:F0} | {result.SlowestMs:F0} |"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
