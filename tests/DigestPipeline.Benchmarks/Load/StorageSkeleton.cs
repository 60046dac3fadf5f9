using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using DigestPipeline.LocalHost.Azurite;

namespace DigestPipeline.Benchmarks.Load;

/// <summary>
/// The ceiling: the storage requests the pipeline makes for each document, issued by a plain SDK loop with none of
/// the work between them (no parsing, analysis, host or back-off). Same uploads, then per blob what the watcher does
/// (receipt check, <c>ingest</c> message, receipt), what ingest does (read the upload, read the record, write the
/// document and its record, <c>summarize</c> message, delete) and what summarize does (read the document and its
/// record, write the summaries, the theme index rows as create-only inserts and upserts, the record, delete). The
/// queues are drained as the host drains them: batches of 16, a new batch when 8 or fewer are in flight.
/// </summary>
internal sealed class StorageSkeleton
{
    private const int BatchSize = 16;
    private const int NewBatchThreshold = 8;
    private static readonly TimeSpan EmptyQueuePause = TimeSpan.FromMilliseconds(10);

    private readonly BlobContainerClient _uploads, _incoming, _documents, _summaries, _receipts;
    private readonly QueueClient _ingest, _summarize;
    private readonly TableClient _records, _themeIndex;
    private readonly BinaryData _documentPayload, _summaryPayload;
    private readonly double _themeRowsPerDocument;
    private readonly StoredBytes _storedBytes;

    private StorageSkeleton(string connectionString, LoadRunResult host, StorageRequestCounter counter)
    {
        var (blobs, queues, tables) = counter.Clients(connectionString);
        _incoming = blobs.GetBlobContainerClient("incoming");
        // The user's uploads go through an uncounted client, as in the host run.
        _uploads = new BlobServiceClient(connectionString).GetBlobContainerClient("incoming");
        _documents = blobs.GetBlobContainerClient("documents");
        _summaries = blobs.GetBlobContainerClient("summaries");
        _receipts = blobs.GetBlobContainerClient("receipts");
        _ingest = queues.GetQueueClient("ingest");
        _summarize = queues.GetQueueClient("summarize");
        _records = tables.GetTableClient("Documents");
        _themeIndex = tables.GetTableClient("ThemeIndex");
        _documentPayload = BinaryData.FromBytes(new byte[host.StoredBytes.Document]);
        _summaryPayload = BinaryData.FromBytes(new byte[host.StoredBytes.Summary]);
        _storedBytes = host.StoredBytes;
        _themeRowsPerDocument = host.Requests.GetValueOrDefault("table insert") / (double)host.Documents.Count;
    }

    public static async Task<LoadRunResult> RunAsync(
        string repositoryRoot, LoadRunResult host, int uploaders, TimeSpan timeout, TextWriter log, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteServer.StartAsync(
            AzuriteServerOptions.InMemory with { StartDirectory = repositoryRoot }, log.WriteLine, cancellationToken);
        var counter = new StorageRequestCounter();
        var skeleton = new StorageSkeleton(azurite.ConnectionString, host, counter);
        await skeleton.CreateAsync(cancellationToken);
        counter.Reset();
        return await skeleton.RunAsync(azurite, host.Documents, uploaders, timeout, counter, log, cancellationToken);
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        foreach (var container in new[] { _incoming, _documents, _summaries, _receipts })
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var queue in new[] { _ingest, _summarize })
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var table in new[] { _records, _themeIndex })
            await table.CreateIfNotExistsAsync(cancellationToken);
    }

    private async Task<LoadRunResult> RunAsync(
        AzuriteServer azurite, IReadOnlyList<LoadDocument> documents, int uploaders, TimeSpan timeout, StorageRequestCounter counter, TextWriter log, CancellationToken cancellationToken)
    {
        var summarized = new System.Collections.Concurrent.ConcurrentDictionary<string, TimeSpan>(StringComparer.Ordinal);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var azuriteCpuAtStart = azurite.ProcessorTime;
        var clock = Stopwatch.StartNew();

        // Messages carry the document's index in the run.
        var ingest = DrainAsync(_ingest, index => IngestAsync(documents[index], index, deadline.Token),
            () => summarized.Count == documents.Count, deadline.Token);
        var summarize = DrainAsync(_summarize, async index =>
        {
            await SummarizeAsync(documents[index], index, deadline.Token);
            summarized[documents[index].DocumentId] = clock.Elapsed;
        }, () => summarized.Count == documents.Count, deadline.Token);

        var uploaded = new System.Collections.Concurrent.ConcurrentDictionary<string, TimeSpan>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(Enumerable.Range(0, documents.Count), new ParallelOptions { MaxDegreeOfParallelism = uploaders, CancellationToken = deadline.Token },
            async (index, ct) =>
            {
                var document = documents[index];
                await _uploads.GetBlobClient(document.BlobName).UploadAsync(BinaryData.FromBytes(document.Content), ct);
                uploaded[document.DocumentId] = clock.Elapsed;
                await WatchAsync(document, index, ct);
            });
        await log.WriteLineAsync($"  plain loop: {documents.Count} uploads done in {clock.Elapsed.TotalSeconds:F1} s");

        try
        {
            await Task.WhenAll(ingest, summarize);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await log.WriteLineAsync($"  plain loop: stopped after {timeout.TotalMinutes:F0} min with {summarized.Count} of {documents.Count}");
        }

        await log.WriteLineAsync($"  plain loop: {summarized.Count} summaries after {clock.Elapsed.TotalSeconds:F1} s");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        var azuriteCpu = azurite.ProcessorTime - azuriteCpuAtStart;
        return new LoadRunResult("plain SDK loop, same requests", documents, uploaded, summarized, counter.Snapshot(), counter.MeanDurations(), _storedBytes, cpu, azuriteCpu);
    }

    private async Task WatchAsync(LoadDocument document, int index, CancellationToken cancellationToken)
    {
        var receipt = _receipts.GetBlobClient(document.BlobName);
        if (!await receipt.ExistsAsync(cancellationToken))
        {
            await _ingest.SendMessageAsync(Index(index), cancellationToken);
            await receipt.UploadAsync(BinaryData.Empty, cancellationToken);
        }
    }

    private async Task IngestAsync(LoadDocument document, int index, CancellationToken cancellationToken)
    {
        var upload = _incoming.GetBlobClient(document.BlobName);
        await upload.GetPropertiesAsync(cancellationToken: cancellationToken);
        await upload.DownloadContentAsync(cancellationToken);
        var id = document.DocumentId;
        await ReadRecordAsync(id, cancellationToken);
        await _documents.GetBlobClient(id).UploadAsync(_documentPayload, overwrite: true, cancellationToken);
        await _records.UpsertEntityAsync(Record(document, "Ingested"), cancellationToken: cancellationToken);
        await _summarize.SendMessageAsync(Index(index), cancellationToken);
    }

    private static string Index(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task SummarizeAsync(LoadDocument document, int index, CancellationToken cancellationToken)
    {
        var id = document.DocumentId;
        await _documents.GetBlobClient(id).DownloadContentAsync(cancellationToken);
        await ReadRecordAsync(id, cancellationToken);
        await _summaries.GetBlobClient(id).UploadAsync(_summaryPayload, overwrite: true, cancellationToken);
        var themes = (int)Math.Floor((index + 1) * _themeRowsPerDocument) - (int)Math.Floor(index * _themeRowsPerDocument);
        // As the ThemeIndex adapter does: every theme at once, each a create-only "first indexed" row then its time row.
        var indexedAt = DateTimeOffset.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, themes).Select(async theme =>
        {
            await _themeIndex.AddEntityAsync(ThemeRow($"theme-{theme}", $"first_{id}", id, indexedAt), cancellationToken);
            await _themeIndex.UpsertEntityAsync(ThemeRow($"theme-{theme}", $"time_{DateTime.MaxValue.Ticks - indexedAt.UtcTicks:D19}_{id}", id, indexedAt), cancellationToken: cancellationToken);
        }));

        await _records.UpsertEntityAsync(Record(document, "Summarized"), cancellationToken: cancellationToken);
    }

    /// <summary>A Documents row shaped as the pipeline's: its own partition, the same properties.</summary>
    private static TableEntity Record(LoadDocument document, string status) => new(document.DocumentId, "status")
    {
        ["Id"] = document.DocumentId,
        ["SourceName"] = document.BlobName,
        ["Status"] = status,
        ["UpdatedAt"] = DateTimeOffset.UtcNow,
        ["Language"] = "fr",
        ["Title"] = "Transformation, infrastructures, souveraineté : ce que les leaders de l’IA ont vraiment dit à Miami",
        ["Themes"] = status == "Summarized" ? "health,energy-compute,national-security,open-source-agents,physical-ai,ai-systems" : null,
    };

    private static TableEntity ThemeRow(string theme, string rowKey, string documentId, DateTimeOffset indexedAt) => new(theme, rowKey)
    {
        ["ThemeId"] = theme,
        ["DocumentId"] = documentId,
        ["IndexedAt"] = indexedAt,
    };

    private async Task ReadRecordAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await _records.GetEntityAsync<TableEntity>(id, "status", cancellationToken: cancellationToken);
        }
        catch (RequestFailedException notFound) when (notFound.Status == 404)
        {
            // A first ingest finds no record, as the pipeline's does.
        }
    }

    /// <summary>Receives batches of 16 whenever 8 or fewer are in flight, handles each, then deletes it.</summary>
    private static async Task DrainAsync(QueueClient queue, Func<int, Task> handle, Func<bool> finished, CancellationToken cancellationToken)
    {
        var inFlight = new List<Task>();
        while (!finished())
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            if (inFlight.Count > NewBatchThreshold)
            {
                await Task.WhenAny(inFlight);
                continue;
            }

            QueueMessage[] batch = await queue.ReceiveMessagesAsync(BatchSize, TimeSpan.FromMinutes(5), cancellationToken);
            foreach (var message in batch)
            {
                inFlight.Add(Task.Run(async () =>
                {
                    await handle(int.Parse(message.MessageText, System.Globalization.CultureInfo.InvariantCulture));
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                }, cancellationToken));
            }

            if (batch.Length == 0)
                await Task.Delay(EmptyQueuePause, cancellationToken);
        }

        await Task.WhenAll(inFlight);
    }
}
