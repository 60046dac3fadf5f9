using System.Diagnostics;
using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Benchmarks.Digests;

/// <summary>
/// Composes one digest per subscriber on one thread, keeping none of them: what stays in memory is what
/// composition itself holds, so the peak should not grow with the number of subscribers.
/// </summary>
internal static class CompositionMeasurement
{
    private const int SampleEvery = 1_000;

    public static async Task<CompositionResult> RunAsync(DigestWorkload workload, IEnumerable<Subscriber> subscribers)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var maxManaged = GC.GetTotalMemory(forceFullCollection: false);
        int count = 0, composed = 0;
        long items = 0, chars = 0;
        var (collectingBefore, renderingBefore) = (workload.Collecting, workload.Rendering);
        var clock = Stopwatch.StartNew();
        foreach (var subscriber in subscribers)
        {
            var email = await workload.ComposeAsync(subscriber);
            count++;
            if (email is not null)
            {
                composed++;
                chars += email.HtmlBody.Length + email.TextBody.Length;
                items += CountItems(email.TextBody);
            }

            if (count % SampleEvery == 0)
                maxManaged = Math.Max(maxManaged, GC.GetTotalMemory(forceFullCollection: false));
        }

        clock.Stop();
        using var process = Process.GetCurrentProcess();
        return new CompositionResult(count, composed, items, chars, clock.Elapsed,
            workload.Collecting - collectingBefore, workload.Rendering - renderingBefore,
            (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0,
            maxManaged / 1048576.0,
            process.PeakWorkingSet64 / 1048576.0);
    }

    /// <summary>Items in a plain-text digest: one source link each.</summary>
    private static int CountItems(string text)
    {
        var count = 0;
        for (var at = text.IndexOf("/documents/", StringComparison.Ordinal); at >= 0; at = text.IndexOf("/documents/", at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
