using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using DigestPipeline.LocalHost.Azurite;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Repair;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Faults;

/// <summary>
/// Fault: Azurite (on disk, <c>--location</c>) is killed with SIGKILL while the running host ingests 200 uploads
/// (180 distinct contents, 20 of them uploaded again under another name), and started again on the same ports and
/// folder. Every content ends summarized, and nothing is processed twice: one Documents row per distinct content
/// (none for the copies), at most one ThemeIndex time row per (theme, document), no blob but those of the distinct
/// contents; and the host goes on. Azurite keeps its state in memory and writes it to disk every 5 s per service, so
/// SIGKILL loses acknowledged writes (Azure Storage does not): the test runs the repair pass and replays poison after
/// the restart, as an operator would after such a loss with <c>digest repair</c> (ingest writes the document again
/// on a retry, so a lost document blob is restored), and prints what the kill lost.
/// </summary>
public sealed class Azurite_killed_during_ingestion : IAsyncDisposable
{
    private const int Distinct = 180;
    private const int Uploads = 200;

    private readonly string _location = Directory.CreateTempSubdirectory("digest-azurite-kill-").FullName;
    private AzuriteServer? _azurite;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_upload_is_processed_and_each_content_exactly_once()
    {
        _azurite = await StartAzuriteAsync(new AzuriteServerOptions(_location, SourceDirectory()));
        var connectionString = _azurite.ConnectionString;
        var options = new AzuriteServerOptions(_location, SourceDirectory(), BlobPort: _azurite.BlobPort, QueuePort: _azurite.QueuePort, TablePort: _azurite.TablePort);
        var contents = Enumerable.Range(0, Distinct).Select(Document).ToList();
        var uploads = contents.Select((bytes, i) => ($"kill/doc-{i:000}.txt", bytes))
            .Concat(contents.Take(Uploads - Distinct).Select((bytes, i) => ($"kill/again-{i:000}.txt", bytes)))
            .ToList();
        var reader = new DocumentReader(new DocumentReaderOptions());
        var ids = contents.Select(c => reader.Read("x.txt", c, DateTimeOffset.UtcNow).Id).ToHashSet();
        ids.Count.ShouldBe(Distinct);

        // The account's containers, queues and tables, and the uploads, are acknowledged well before the fault:
        // Azurite writes its state to disk every 5 s (see below).
        var blobService = new BlobServiceClient(connectionString);
        foreach (var container in StorageNames.Containers.Append(StorageInitializer.HostContainer))
            await blobService.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: Cancellation);
        foreach (var name in StorageNames.Queues.SelectMany(q => new[] { q, StorageNames.PoisonQueue(q) }))
            await new global::Azure.Storage.Queues.QueueClient(connectionString, name).CreateIfNotExistsAsync(cancellationToken: Cancellation);
        foreach (var table in StorageNames.Tables)
            await new TableClient(connectionString, table).CreateIfNotExistsAsync(Cancellation);
        var incoming = blobService.GetBlobContainerClient(StorageNames.IncomingContainer);
        await Parallel.ForEachAsync(uploads, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Cancellation },
            async (upload, token) => await incoming.GetBlobClient(upload.Item1).UploadAsync(new BinaryData(upload.Item2), token));
        await Task.Delay(TimeSpan.FromSeconds(6), Cancellation);

        await using var pipeline = await RunningPipeline.StartAsync(connectionString, "127.0.0.1", ClosedLoopbackPort.Find(), Cancellation,
            new Dictionary<string, string?>
            {
                // A message whose host lost storage mid-handling comes back after this lease instead of a minute.
                ["extensions:queues:ProcessingLease"] = "00:00:10",
            });
        await AzuriteEventually.UntilAsync(async () => await SummarizedDocuments.CountAsync(connectionString) >= Distinct / 2, "half of the documents summarized", TimeSpan.FromSeconds(120));
        var atKill = await SummarizedDocuments.CountAsync(connectionString) ?? 0;
        atKill.ShouldBeLessThan(Distinct, "the kill must fall inside the ingestion");
        await _azurite.KillAsync(); // SIGKILL to Azurite's process tree: no chance to write its state
        _azurite = null;
        await Task.Delay(TimeSpan.FromSeconds(3), Cancellation);
        _azurite = await StartAzuriteAsync(options);
        TestContext.Current.TestOutputHelper?.WriteLine($"Azurite killed with {atKill} of {Distinct} contents summarized, restarted after 3 s");

        // The host retries storage with back-off up to 30 s apart, then has half the contents still to handle: on a busy
        // machine that took longer than the default minute once (2026-12-06, a full suite on a fresh clone).
        await pipeline.WaitUntilIdleAsync(publishedAtLeast: 0, Cancellation, TimeSpan.FromMinutes(3));
        var beforeRedrive = await RunningPipeline.EventuallyAsync(() => SummarizedDocuments.CountAsync(connectionString), "the Documents table to answer", Cancellation);
        var poisoned = await ActivatorUtilities.CreateInstance<PoisonQueues>(pipeline.Services).ListAsync(Cancellation);
        TestContext.Current.TestOutputHelper?.WriteLine($"After the restart, without help: {beforeRedrive} of {Distinct} summarized; poison: "
                          + string.Join(", ", poisoned.Select(p => $"{p.PoisonQueue}={p.Depth}")));

        // Azurite keeps its state in memory and writes it to disk every 5 s, per service: SIGKILL loses the last
        // seconds of acknowledged writes (a summarize message whose Documents row survived, an event whose blob
        // receipt survived). Azure Storage does not lose acknowledged writes; after such an emulator loss the
        // operator runs `digest repair` (here with "stuck after" 0: the crash is known) and replays poison.
        var repairedAt = DateTimeOffset.UtcNow.AddHours(1);
        RepairReport repaired;
        do
        {
            // Bounded per pass: run again until nothing is left for the next one, as an operator would.
            repaired = await pipeline.Get<RepairHandler>().RepairAsync(repairedAt, Cancellation);
            TestContext.Current.TestOutputHelper?.WriteLine($"Repair: {repaired}");
        }
        while (repaired.Deferred > 0);
        foreach (var listing in poisoned.Where(p => p.Depth > 0))
            await ActivatorUtilities.CreateInstance<PoisonQueues>(pipeline.Services).ReplayAsync(listing.Queue, null, Cancellation);
        await pipeline.WaitUntilIdleAsync(publishedAtLeast: 0, Cancellation);
        // An empty queue can still have messages in flight (invisible while handled): wait for their outcome.
        await AzuriteEventually.UntilAsync(async () => await SummarizedDocuments.CountAsync(connectionString) == Distinct, "every content summarized", TimeSpan.FromMinutes(2));

        var tables = new TableServiceClient(connectionString);
        var rows = await tables.GetTableClient(StorageNames.DocumentsTable).QueryAsync<TableEntity>(cancellationToken: Cancellation).ToListAsync(Cancellation);
        rows = rows.Where(r => r.RowKey == "status").ToList(); // the other rows mark handled uploads
        TestContext.Current.TestOutputHelper?.WriteLine($"Documents rows: {rows.Count}; missing: {string.Join(", ", ids.Except(rows.Select(r => r.PartitionKey)))}; "
                          + $"unexpected: {string.Join(", ", rows.Select(r => r.PartitionKey).Except(ids))}");
        rows.Select(r => r.PartitionKey).Order().ShouldBe(ids.Order(), "one Documents row per distinct content, none for the copies");
        rows.Where(r => r.GetString("Status") != nameof(DocumentStatus.Summarized)).Select(r => r.PartitionKey)
            .ShouldBeEmpty("every content summarized once its upload is published again");
        var blobs = new BlobServiceClient(connectionString);
        // A document blob lost while its Summarized row survived is not needed again (its summaries are written):
        // counted, not asserted, since Azure keeps acknowledged writes.
        var documentBlobs = await Names(blobs, StorageNames.DocumentsContainer);
        var summaryBlobs = await Names(blobs, StorageNames.SummariesContainer);
        var expectedBlobs = ids.Select(id => id + ".json").ToList();
        documentBlobs.ShouldBeSubsetOf(expectedBlobs);
        summaryBlobs.ShouldBeSubsetOf(expectedBlobs);
        TestContext.Current.TestOutputHelper?.WriteLine($"Blobs lost by Azurite's SIGKILL: documents/ {Distinct - documentBlobs.Count}, summaries/ {Distinct - summaryBlobs.Count}");
        var timeRows = (await tables.GetTableClient(StorageNames.ThemeIndexTable).QueryAsync<TableEntity>(cancellationToken: Cancellation).ToListAsync(Cancellation))
            .Where(r => !r.RowKey.StartsWith("first_", StringComparison.Ordinal)).ToList();
        timeRows.GroupBy(r => (r.GetString("ThemeId"), r.GetString("DocumentId"))).ShouldAllBe(g => g.Count() == 1);
        timeRows.Select(r => r.GetString("DocumentId")).ShouldAllBe(id => ids.Contains(id));
        var poisonedAtEnd = await ActivatorUtilities.CreateInstance<PoisonQueues>(pipeline.Services).ListAsync(Cancellation);
        TestContext.Current.TestOutputHelper?.WriteLine($"At the end: {Distinct} of {Distinct} summarized; "
                          + $"poison: {string.Join(", ", poisonedAtEnd.Select(p => $"{p.PoisonQueue}={p.Depth}"))}");
    }

    /// <summary>Distinct short documents with the seed article's vocabulary, so that they have themes.</summary>
    private static byte[] Document(int index)
    {
        var seed = Encoding.UTF8.GetString(RunningPipeline.SeedArticle("azurite-kill"));
        var paragraphs = seed.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var text = $"Dossier {index}\n\n" + string.Join("\n\n", paragraphs.Skip(index % 5).Take(4)) + $"\n\nNote de la rédaction : document numéro {index}.\n";
        return Encoding.UTF8.GetBytes(text);
    }

    private static async Task<List<string>> Names(BlobServiceClient blobs, string container) =>
        (await blobs.GetBlobContainerClient(container).GetBlobsAsync(cancellationToken: Cancellation).Select(b => b.Name).ToListAsync(Cancellation)).Order().ToList();

    private static Task<AzuriteServer> StartAzuriteAsync(AzuriteServerOptions options) => AzuriteServer.StartAsync(options, cancellationToken: Cancellation);

    private static string? SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path);

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
            await _azurite.DisposeAsync();
        Directory.Delete(_location, recursive: true);
    }
}
