namespace DigestPipeline.Benchmarks.Latency;

/// <summary>Median, 90th and 99th percentiles and maximum of a set of durations (linear interpolation between ranks).</summary>
internal sealed record LatencyStatistics(int Count, double MedianMs, double P90Ms, double P99Ms, double MaxMs)
{
    public static LatencyStatistics Of(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Select(d => d.TotalMilliseconds).Order().ToArray();
        return sorted.Length == 0
            ? new LatencyStatistics(0, double.NaN, double.NaN, double.NaN, double.NaN)
            : new LatencyStatistics(sorted.Length, Percentile(sorted, 0.5), Percentile(sorted, 0.9), Percentile(sorted, 0.99), sorted[^1]);
    }

    private static double Percentile(double[] sorted, double fraction)
    {
        var rank = fraction * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
    }
}
