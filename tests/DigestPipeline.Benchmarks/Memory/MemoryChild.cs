using System.Diagnostics;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Tests.Documents.Formats;

namespace DigestPipeline.Benchmarks.Memory;

/// <summary>
/// The child side of <see cref="MemoryCommand"/>: in a fresh process, warms the reader up on a small document of
/// every format (JIT, static tables), collects, notes the resident set, then reads the case(s) and notes the peak.
/// </summary>
internal static class MemoryChild
{
    public static MemoryMeasurement Measure(IReadOnlyList<(MemoryCase Case, byte[] Content)> uploads)
    {
        WarmUp();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var baseline = ProcessMemory.ResidentBytes();
        var reset = ProcessMemory.TryResetPeak();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();

        // Each upload on its own thread, released together: "four at once" is four reads in flight in one process.
        var outcomes = new string[uploads.Count];
        using var start = new Barrier(uploads.Count);
        var threads = uploads.Select((upload, i) => new Thread(() =>
        {
            start.SignalAndWait();
            outcomes[i] = ReadOne(upload.Case, upload.Content);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        watch.Stop();
        var peak = ProcessMemory.PeakResidentBytes();
        return new MemoryMeasurement(
            string.Join(" + ", uploads.Select(u => u.Case.Name)),
            uploads.Sum(u => (long)u.Content.Length),
            string.Join(" / ", outcomes.Distinct()),
            baseline,
            peak,
            GC.GetTotalAllocatedBytes(precise: true) - allocated,
            watch.Elapsed.TotalMilliseconds,
            reset);
    }

    private static string ReadOne(MemoryCase @case, byte[] content)
    {
        try
        {
            var document = new DocumentReader(@case.Options).Read(@case.BlobName, content, DateTimeOffset.UtcNow);
            return $"read: {document.Blocks.Count:N0} blocks, {document.Text.Length:N0} characters";
        }
        catch (DocumentRejectedException e)
        {
            // The outcome under measure: printed in the table, with the reason.
            return $"rejected: {e.Reason}";
        }
    }

    private static void WarmUp()
    {
        (BlockKind, string)[] parts =
        [
            (BlockKind.Title, "Budget des écoles"),
            (BlockKind.Paragraph, "Le conseil municipal a voté le budget des écoles. Les parents réclament plus de moyens."),
            (BlockKind.Heading, "La suite"),
            (BlockKind.ListItem, "la cantine"),
            (BlockKind.Paragraph, "The mayor promised an answer before the summer, after a public meeting at the town hall."),
        ];
        var reader = new DocumentReader(new DocumentReaderOptions());
        var text = string.Join("\n\n", parts.Select(p => p.Item2));
        byte[][] samples =
        [
            System.Text.Encoding.UTF8.GetBytes(text),
            DocumentRenderings.Html(parts),
            DocumentRenderings.Docx(parts),
            DocumentRenderings.Pdf(parts, standardFont: false),
        ];
        foreach (var sample in samples) reader.Read("warm-up", sample, DateTimeOffset.UtcNow);
        reader.Read("warm-up.md", System.Text.Encoding.UTF8.GetBytes("# " + text), DateTimeOffset.UtcNow);
    }
}
