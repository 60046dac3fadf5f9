namespace DigestPipeline.Benchmarks.Digests;

/// <param name="Subscribers">Subscribers gone through.</param>
/// <param name="Composed">Digests composed (the others had no new item).</param>
/// <param name="MaxManagedMB">Largest <see cref="GC.GetTotalMemory(bool)"/> sampled during the run.</param>
/// <param name="PeakWorkingSetMB">The process's peak working set at the end of the run (since the process started).</param>
internal sealed record CompositionResult(
    int Subscribers,
    int Composed,
    long Items,
    long BodyChars,
    TimeSpan Elapsed,
    TimeSpan Collecting,
    TimeSpan Rendering,
    double AllocatedMB,
    double MaxManagedMB,
    double PeakWorkingSetMB)
{
    public double DigestsPerSecond => Composed / Elapsed.TotalSeconds;
}
