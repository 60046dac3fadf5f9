namespace DigestPipeline.Benchmarks.Memory;

/// <summary>What one child process measured: the upload(s) read, how they ended, the resident set added at its peak and the time taken.</summary>
/// <param name="BaselineBytes">resident set after warm-up and a full collection, the upload's bytes loaded.</param>
/// <param name="PeakResetWorked">whether the kernel let the peak be reset to the baseline before the read (else the peak may include the warm-up).</param>
internal sealed record MemoryMeasurement(
    string Case,
    long UploadBytes,
    string Outcome,
    long BaselineBytes,
    long PeakBytes,
    long AllocatedBytes,
    double Milliseconds,
    bool PeakResetWorked)
{
    public long AddedBytes => Math.Max(0, PeakBytes - BaselineBytes);

    /// <summary>The goal of issue 12: at most max(200 MB, 10 × the upload) added by one document.</summary>
    public long GoalBytes => Math.Max(200L * 1024 * 1024, 10 * UploadBytes);
}
