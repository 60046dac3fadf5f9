using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using DigestPipeline.Azure.Local;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Faults;

/// <summary>
/// Fault: Azurite (on disk, <c>--location</c>) is killed with SIGKILL while the running host ingests 200 uploads
/// (180 distinct contents, 20 of them uploaded again under another name), and started again on the same ports and
/// folder. Every distinct content ends summarized exactly once: one Documents row, one document blob, one summary
/// blob, one ThemeIndex time row per (theme, document).
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

        await using var pipeline = await RunningPipeline.StartAsync(connectionString, "127.0.0.1", ClosedLoopbackPort.Find(), Cancellation,
            new Dictionary<string, string?>
            {
                // A message whose host lost storage mid-handling comes back after this lease instead of a minute.
                ["extensions:queues:ProcessingLease"] = "00:00:10",
            });
        await Parallel.ForEachAsync(uploads, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Cancellation },
            async (upload, token) => await pipeline.UploadAsync(upload.Item1, upload.Item2, token));

        await AzuriteEventually.UntilAsync(async () => await SummarizedAsync(connectionString) >= Distinct / 5, "a fifth of the documents summarized", TimeSpan.FromSeconds(120));
        var atKill = await SummarizedAsync(connectionString);
        await _azurite.DisposeAsync(); // Process.Kill: SIGKILL to Azurite's process tree
        _azurite = null;
        await Task.Delay(TimeSpan.FromSeconds(3), Cancellation);
        _azurite = await StartAzuriteAsync(options);
        Console.WriteLine($"Azurite killed with {atKill} of {Distinct} contents summarized, restarted after 3 s");

        await AzuriteEventually.UntilAsync(async () => await SummarizedAsync(connectionString) >= Distinct, "every content summarized", TimeSpan.FromSeconds(150));
        await pipeline.WaitUntilIdleAsync(publishedAtLeast: 0, Cancellation);

        var tables = new TableServiceClient(connectionString);
        var rows = await tables.GetTableClient(StorageNames.DocumentsTable).QueryAsync<TableEntity>(cancellationToken: Cancellation).ToListAsync(Cancellation);
        rows.Select(r => r.RowKey).Order().ShouldBe(ids.Order(), "one Documents row per distinct content, none for the copies");
        rows.ShouldAllBe(r => r.GetString("Status") == nameof(DocumentStatus.Summarized));
        var blobs = new BlobServiceClient(connectionString);
        (await Names(blobs, StorageNames.DocumentsContainer)).ShouldBe(ids.Select(id => id + ".json").Order());
        (await Names(blobs, StorageNames.SummariesContainer)).ShouldBe(ids.Select(id => id + ".json").Order());
        var timeRows = (await tables.GetTableClient(StorageNames.ThemeIndexTable).QueryAsync<TableEntity>(cancellationToken: Cancellation).ToListAsync(Cancellation))
            .Where(r => !r.RowKey.StartsWith("first_", StringComparison.Ordinal)).ToList();
        timeRows.GroupBy(r => (r.GetString("ThemeId"), r.GetString("DocumentId"))).ShouldAllBe(g => g.Count() == 1);
        timeRows.Select(r => r.GetString("DocumentId")).ToHashSet().SetEquals(ids).ShouldBeTrue("every document is indexed on its themes");
        foreach (var queue in StorageNames.Queues)
            (await new global::Azure.Storage.Queues.QueueClient(connectionString, StorageNames.PoisonQueue(queue)).GetPropertiesAsync(Cancellation)).Value.ApproximateMessagesCount.ShouldBe(0);
    }

    /// <summary>Distinct short documents with the seed article's vocabulary, so that they have themes.</summary>
    private static byte[] Document(int index)
    {
        var seed = Encoding.UTF8.GetString(RunningPipeline.SeedArticle("azurite-kill"));
        var paragraphs = seed.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var text = $"Dossier {index}\n\n" + string.Join("\n\n", paragraphs.Skip(index % 5).Take(4)) + $"\n\nNote de la rédaction : document numéro {index}.\n";
        return Encoding.UTF8.GetBytes(text);
    }

    private static async Task<int> SummarizedAsync(string connectionString)
    {
        try
        {
            var rows = new TableClient(connectionString, StorageNames.DocumentsTable)
                .QueryAsync<TableEntity>(r => r.GetString("Status") == nameof(DocumentStatus.Summarized), select: ["Status"], cancellationToken: Cancellation);
            return await rows.CountAsync(Cancellation);
        }
        catch (global::Azure.RequestFailedException)
        {
            return 0; // Azurite restarting
        }
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
