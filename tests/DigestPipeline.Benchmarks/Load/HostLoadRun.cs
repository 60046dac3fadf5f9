using System.Diagnostics;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Benchmarks.Latency;
using Microsoft.Extensions.Azure;

namespace DigestPipeline.Benchmarks.Load;

/// <summary>What one load run measured: when each upload finished and each summary appeared, on one clock.</summary>
internal sealed record LoadRunResult(
    string System,
    IReadOnlyList<LoadDocument> Documents,
    IReadOnlyDictionary<string, TimeSpan> Uploaded,
    IReadOnlyDictionary<string, TimeSpan> Summarized,
    IReadOnlyDictionary<string, int> Requests,
    IReadOnlyDictionary<string, TimeSpan> RequestTimes,
    StoredBytes StoredBytes,
    TimeSpan ProcessCpu,
    TimeSpan AzuriteCpu);

/// <summary>The mean size of the document and summaries blobs the pipeline wrote, which the ceiling writes too.</summary>
internal sealed record StoredBytes(int Document, int Summary);

/// <summary>
/// Every document uploaded at once (<paramref name="uploaders"/> in flight) to a fresh Azurite with the running local
/// host on it, as <c>digest up</c> runs it; then waits for every summary. The host's storage requests are counted.
/// </summary>
internal static class HostLoadRun
{
    public static async Task<LoadRunResult> RunAsync(
        string repositoryRoot, IReadOnlyList<LoadDocument> documents, int uploaders, TimeSpan timeout, TextWriter log, CancellationToken cancellationToken)
    {
        var counter = new StorageRequestCounter();
        await using var pipeline = await PipelineUnderTest.StartAsync(repositoryRoot, new Dictionary<string, string?>(), log, cancellationToken,
            services => services.AddAzureClients(clients => clients.ConfigureDefaults(counter.Attach)));

        var blobs = new BlobServiceClient(pipeline.Azurite.ConnectionString);
        counter.Reset();
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var azuriteCpuAtStart = pipeline.Azurite.ProcessorTime;
        var clock = Stopwatch.StartNew();
        using var arrivals = new SummaryArrivals(clock);
        var uploaded = await UploadAllAsync(blobs.GetBlobContainerClient(StorageNames.IncomingContainer), documents, uploaders, clock, cancellationToken);
        await log.WriteLineAsync($"  host: {documents.Count} uploads done in {clock.Elapsed.TotalSeconds:F1} s");
        var arrived = await arrivals.WaitForAsync(documents.Select(d => d.DocumentId).ToArray(), timeout, cancellationToken);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        var azuriteCpu = pipeline.Azurite.ProcessorTime - azuriteCpuAtStart;
        var requests = counter.Snapshot();
        var requestTimes = counter.MeanDurations();

        // A summary counts only if it is stored: its handler's span alone does not prove that.
        var summaries = await SizesAsync(blobs.GetBlobContainerClient(StorageNames.SummariesContainer), cancellationToken);
        var summarized = arrived.Where(a => summaries.ContainsKey(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        await log.WriteLineAsync($"  host: {summarized.Count} summaries after {clock.Elapsed.TotalSeconds:F1} s");
        var stored = new StoredBytes(
            Mean(await SizesAsync(blobs.GetBlobContainerClient(StorageNames.DocumentsContainer), cancellationToken)),
            Mean(summaries));
        return new LoadRunResult("local host (digest up)", documents, uploaded, summarized, requests, requestTimes, stored, cpu, azuriteCpu);
    }

    /// <summary>Each blob's size by document id (the blob name without its extension).</summary>
    private static async Task<Dictionary<string, long>> SizesAsync(BlobContainerClient container, CancellationToken cancellationToken)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
            sizes[Path.GetFileNameWithoutExtension(blob.Name)] = blob.Properties.ContentLength ?? 0;
        return sizes;
    }

    private static int Mean(Dictionary<string, long> sizes) => sizes.Count == 0 ? 0 : (int)sizes.Values.Average();

    /// <summary>Uploads every document with a fixed number in flight, noting when each upload returned.</summary>
    public static async Task<IReadOnlyDictionary<string, TimeSpan>> UploadAllAsync(
        BlobContainerClient incoming, IReadOnlyList<LoadDocument> documents, int uploaders, Stopwatch clock, CancellationToken cancellationToken)
    {
        var uploaded = new System.Collections.Concurrent.ConcurrentDictionary<string, TimeSpan>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = uploaders, CancellationToken = cancellationToken },
            async (document, ct) =>
            {
                await incoming.GetBlobClient(document.BlobName).UploadAsync(BinaryData.FromBytes(document.Content),
                    new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" } }, ct);
                uploaded[document.DocumentId] = clock.Elapsed;
            });
        return uploaded;
    }
}
