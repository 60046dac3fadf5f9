using System.Globalization;

namespace DigestPipeline.Benchmarks.Memory;

/// <summary>The resident set of this process from <c>/proc/self/status</c> (Linux): now (VmRSS) and its peak (VmHWM).</summary>
internal static class ProcessMemory
{
    public static long ResidentBytes() => Read("VmRSS:");

    public static long PeakResidentBytes() => Read("VmHWM:");

    /// <summary>
    /// Sets the peak back to the current resident set (writing 5 to <c>/proc/self/clear_refs</c>, Linux 4.0+), so that
    /// the peak measured afterwards is the work's, not the set-up's. False when the kernel or container refuses.
    /// </summary>
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long Read(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
            var kilobytes = line[field.Length..].Trim().Split(' ')[0];
            return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
        }

        throw new InvalidOperationException($"/proc/self/status has no {field} line.");
    }
}
