using System.Diagnostics;
using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using DigestPipeline.Azure.Storage;
using DigestPipeline.LocalHost.Azurite;
using DigestPipeline.Core.Documents;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Faults;

/// <summary>
/// The real <c>digest up</c> (a child process) on its own Azurite (on disk), which is stopped for a while in the
/// middle of an ingestion and started again on the same ports and folder, as a storage outage or an emulator restart
/// does. The host must not stop or hang: every upload, those in flight and those made after the outage, ends
/// summarized, exactly once, with no help; the host says once that storage went and once that it came back; its
/// <c>/readyz</c> follows; and it still stops cleanly (SIGTERM, exit 0, record removed) at the end.
/// </summary>
internal sealed class StorageOutage : IAsyncDisposable
{
    private const int Before = 12;
    private const int After = 6;

    private readonly string _location = Directory.CreateTempSubdirectory("digest-outage-azurite-").FullName;
    private readonly TempWorkspace _workspace = TempWorkspace.Create();
    private AzuriteServer? _azurite;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static async Task RunAsync(TimeSpan outage, bool expectOutageSeen)
    {
        await using var scenario = new StorageOutage();
        await scenario.RunScenarioAsync(outage, expectOutageSeen);
    }

    private async Task RunScenarioAsync(TimeSpan outage, bool expectOutageSeen)
    {
        _azurite = await AzuriteServer.StartAsync(new AzuriteServerOptions(_location, SourceDirectory(), TestWaits.Scaled(AzuriteServerOptions.DefaultStartTimeout)), cancellationToken: Cancellation);
        var restart = _azurite.Options;
        var connectionString = _azurite.ConnectionString;
        var web = $"http://127.0.0.1:{ClosedLoopbackPort.Find()}";
        using var up = DigestUpProcess.Start(new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = connectionString,
            ["Subscriptions__TokenSecret"] = RunningPipeline.TokenSecret,
            ["Web__Urls"] = web,
            // The repair pass every 5 s, taking as stuck what made no progress for 20 s: if the emulator drops a
            // message, the host heals it by itself within the test's wait.
            ["LocalHost__TimerSchedule"] = "*/5 * * * * *",
            ["Repair__StuckAfter"] = "00:00:20",
        }, _workspace);
        await up.UntilReadyzAsync(web);

        var blobs = new BlobServiceClient(connectionString);
        var incoming = blobs.GetBlobContainerClient(StorageNames.IncomingContainer);
        for (var i = 0; i < Before; i++)
            await incoming.UploadBlobAsync($"outage/before-{i:00}.txt", BinaryData.FromBytes(RunningPipeline.SeedArticle($"before {i}")), Cancellation);

        // Storage goes away in the middle of the ingestion (a graceful stop: Azurite writes its state, so nothing
        // acknowledged is lost; the crash case is Azurite_killed_during_ingestion).
        var summarizedAtStop = await SummarizedDocuments.CountAsync(connectionString) ?? 0;
        await _azurite.DisposeAsync();
        _azurite = null;
        var stoppedAt = Stopwatch.GetTimestamp();
        var seenDown = false;
        while (Stopwatch.GetElapsedTime(stoppedAt) < outage)
        {
            seenDown |= await DigestUpProcess.ReadyzAsync(web) == HttpStatusCode.ServiceUnavailable;
            up.HasExited.ShouldBeFalse($"the host exited during the outage:\n{up.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(500), Cancellation);
        }

        _azurite = await AzuriteServer.StartAsync(restart, cancellationToken: Cancellation);
        var restartedAt = Stopwatch.GetTimestamp();
        for (var i = 0; i < After; i++)
            await incoming.UploadBlobAsync($"outage/after-{i:00}.txt", BinaryData.FromBytes(RunningPipeline.SeedArticle($"after {i}")), Cancellation);

        await AzuriteEventually.UntilAsync(async () => await SummarizedDocuments.CountAsync(connectionString) == Before + After,
            $"every upload summarized after the outage:\n{up.Output}", TimeSpan.FromMinutes(3));
        var resumedIn = Stopwatch.GetElapsedTime(restartedAt);
        await up.UntilReadyzAsync(web, what: "the host to be ready again");

        up.HasExited.ShouldBeFalse();
        var rows = await new TableClient(connectionString, StorageNames.DocumentsTable)
            .QueryAsync<TableEntity>(r => r.RowKey == "status", cancellationToken: Cancellation).ToListAsync(Cancellation);
        rows.Count.ShouldBe(Before + After, "one Documents row per upload: none lost, none twice");
        rows.ShouldAllBe(r => r.GetString("Status") == nameof(DocumentStatus.Summarized));
        foreach (var queue in new[] { StorageNames.IngestQueue, StorageNames.SummarizeQueue })
        {
            var poison = new global::Azure.Storage.Queues.QueueClient(connectionString, StorageNames.PoisonQueue(queue));
            (await poison.GetPropertiesAsync(Cancellation)).Value.ApproximateMessagesCount.ShouldBe(0, $"nothing in {poison.Name}");
        }
        if (expectOutageSeen)
        {
            seenDown.ShouldBeTrue("/readyz answered 503 while storage was down");
            up.Output.ShouldContain("storage unreachable");
            up.Output.ShouldContain("storage reachable again after");
            // Logged once per loop and outage, not once per try.
            Occurrences.Of("blob watcher: storage unreachable", up.Output).ShouldBe(1, StorageLines(up.Output));
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Outage {outage.TotalSeconds:0} s with {Before - summarizedAtStop} of {Before} uploads not yet summarized: all {Before + After} summarized "
            + $"{resumedIn.TotalSeconds:0.0} s after storage came back; /readyz 503 seen: {seenDown}; "
            + $"'storage unreachable' logged {Occurrences.Of("storage unreachable", up.Output)} time(s), 'reachable again' {Occurrences.Of("storage reachable again", up.Output)}");

        (await up.StopAsync(TimeSpan.FromMinutes(1))).ShouldBe(0, up.Output);
        File.Exists(_workspace.RunningHostFile).ShouldBeFalse("a stopped host removes its record");
    }

    private static string StorageLines(string output) =>
        string.Join('\n', output.Split('\n').Where(l => l.Contains("storage", StringComparison.Ordinal)));

    private static string? SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path);

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
            await _azurite.DisposeAsync();
        _workspace.Dispose();
        Directory.Delete(_location, recursive: true);
    }
}

/// <summary>Storage gone for 5 s in the middle of an ingestion (an emulator restart): the host goes on by itself.</summary>
public sealed class Storage_down_5_seconds_during_ingestion
{
    [Fact]
    public Task Every_upload_is_summarized_once_and_the_host_keeps_running() => StorageOutage.RunAsync(TimeSpan.FromSeconds(5), expectOutageSeen: false);
}

/// <summary>Storage gone for 2 minutes in the middle of an ingestion: longer than the SDK's own retries, so every loop sees it.</summary>
[StartsFirst]
public sealed class Storage_down_2_minutes_during_ingestion
{
    [Fact]
    public Task Every_upload_is_summarized_once_nothing_is_poisoned_the_host_keeps_running_and_says_so_once() => StorageOutage.RunAsync(TimeSpan.FromMinutes(2), expectOutageSeen: true);
}
