using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Documents;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Faults;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.LocalHost.Azurite;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Cli;

/// <summary>
/// The real <c>digest up</c>, each in a workspace of its own: a second one in the same workspace says where the first
/// runs and exits 2, leaving the first alone; a host whose loop fails for good exits 1 and removes its record instead
/// of serving pages with nothing behind them; and the Azurite a host started is started again if it dies.
/// </summary>
[StartsFirst]
public sealed class Digest_up_runs_once_per_workspace_and_never_half_alive(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_digest_up_in_the_same_workspace_names_the_first_and_exits_2()
    {
        using var workspace = TempWorkspace.Create();
        var web = $"http://127.0.0.1:{ClosedLoopbackPort.Find()}";
        using var first = DigestUpProcess.Start(Environment(azurite.ConnectionString, web), workspace);
        await first.UntilReadyzAsync(web);

        using var second = DigestUpProcess.Start(Environment(azurite.ConnectionString, $"http://127.0.0.1:{ClosedLoopbackPort.Find()}"), workspace);
        (await second.WaitForExitAsync(TimeSpan.FromMinutes(1))).ShouldBe(2, second.Output);

        second.Output.ShouldContain("a host is already running in this workspace");
        second.Output.ShouldContain($"process {first.ProcessId}");
        second.Output.ShouldContain(web);
        second.Output.ShouldNotContain("   at ", customMessage: "a sentence, not a stack trace");
        first.HasExited.ShouldBeFalse();
        (await DigestUpProcess.ReadyzAsync(web)).ShouldBe(HttpStatusCode.OK, "the first host is untouched");
        JsonDocument.Parse(await File.ReadAllTextAsync(workspace.RunningHostFile, Cancellation)).RootElement
            .GetProperty("ProcessId").GetInt32().ShouldBe(first.ProcessId, "the second host did not overwrite or delete the first one's record");

        (await first.StopAsync(TimeSpan.FromMinutes(1))).ShouldBe(0, first.Output);
        File.Exists(workspace.RunningHostFile).ShouldBeFalse();
    }

    [Fact]
    public async Task A_host_whose_loop_fails_for_good_exits_1_and_removes_its_record()
    {
        using var workspace = TempWorkspace.Create();
        var web = $"http://127.0.0.1:{ClosedLoopbackPort.Find()}";
        var environment = Environment(azurite.ConnectionString, web);
        // A valid cron that never occurs (30 February): the timer loop cannot go on, which no retry mends.
        environment["LocalHost__TimerSchedule"] = "0 0 30 2 *";

        using var up = DigestUpProcess.Start(environment, workspace);

        (await up.WaitForExitAsync(TimeSpan.FromMinutes(2))).ShouldBe(1, up.Output);
        up.Output.ShouldContain("The host stopped by itself");
        File.Exists(workspace.RunningHostFile).ShouldBeFalse("a host that stopped removes its record, so no command mistakes it for a live one");
        (await DigestUpProcess.ReadyzAsync(web)).ShouldBeNull("nothing serves the pages any more");
    }

    [Fact]
    public async Task The_azurite_a_host_started_is_started_again_when_it_dies()
    {
        using var workspace = TempWorkspace.Create();
        var web = $"http://127.0.0.1:{ClosedLoopbackPort.Find()}";
        using var up = await StartWithItsOwnAzuriteAsync(workspace, web);
        var connectionString = JsonDocument.Parse(await File.ReadAllTextAsync(workspace.RunningHostFile, Cancellation)).RootElement
            .GetProperty("ConnectionString").GetString().ShouldNotBeNull();
        await AzuriteEventually.UntilAsync(() => up.Output.Contains("Mail goes", StringComparison.Ordinal), $"up says where mail goes:\n{up.Output}");
        up.Output.ShouldContain($"the landing page and sign-up at {web}/ ");
        up.Output.ShouldContain($"Upload API at {web}/api/documents");
        await ConsoleLoginLinkWorksOnceAsync(up.Output, web);
        up.Output.ShouldContain($"Mail goes to files in {Path.Combine(workspace.Root, ".digest", "mail")}");

        var azuriteProcess = AzuriteOf(workspace).ShouldNotBeNull("the host started an Azurite on its workspace");
        azuriteProcess.Kill(entireProcessTree: true); // as an out-of-memory kill would
        await AzuriteEventually.UntilAsync(() => up.Output.Contains("Azurite is back", StringComparison.Ordinal), $"Azurite started again:\n{up.Output}",
            TimeSpan.FromMinutes(2));

        var incoming = new BlobServiceClient(connectionString).GetBlobContainerClient(StorageNames.IncomingContainer);
        await incoming.UploadBlobAsync("after-the-crash.txt", BinaryData.FromBytes(RunningPipeline.SeedArticle("after the crash")), Cancellation);
        var documents = new TableClient(connectionString, StorageNames.DocumentsTable);
        await AzuriteEventually.UntilAsync(async () => await documents
                .QueryAsync<TableEntity>(r => r.GetString("SourceName") == "after-the-crash.txt" && r.GetString("Status") == nameof(DocumentStatus.Summarized), cancellationToken: Cancellation)
                .AnyAsync(Cancellation),
            $"the upload made after the crash summarized:\n{up.Output}", TimeSpan.FromMinutes(2));
        up.HasExited.ShouldBeFalse();

        (await up.StopAsync(TimeSpan.FromMinutes(1))).ShouldBe(0, up.Output);
        AzuriteOf(workspace).ShouldBeNull("the host stops the Azurite it owns");
    }

    /// <summary>
    /// Ctrl+C in a terminal signals the whole process group: the host and the Azurite it started stop together. Azurite's
    /// exit then is no crash: the host does not start it again (it did, and said "exited unexpectedly", on every stop).
    /// </summary>
    [Fact]
    public async Task Ctrl_C_stops_the_host_and_its_azurite_together_without_starting_azurite_again()
    {
        using var workspace = TempWorkspace.Create();
        var web = $"http://127.0.0.1:{ClosedLoopbackPort.Find()}";
        using var up = await StartWithItsOwnAzuriteAsync(workspace, web);
        var azurite = AzuriteOf(workspace).ShouldNotBeNull("the host started an Azurite on its workspace");

        await Signals.SendAsync(up.ProcessId, "INT");
        await Signals.SendAsync(azurite.Id, "INT");

        (await up.WaitForExitAsync(TimeSpan.FromMinutes(1))).ShouldBe(0, up.Output);
        up.Output.ShouldNotContain("exited unexpectedly");
        up.Output.ShouldNotContain("Azurite is back");
        AzuriteOf(workspace).ShouldBeNull("no Azurite is left behind");
    }

    /// <summary>The operator console's login link that <c>digest up</c> printed opens a session once.</summary>
    private static async Task ConsoleLoginLinkWorksOnceAsync(string output, string web)
    {
        var link = Regex.Match(output, Regex.Escape(web) + @"/console/login\?token=[A-Za-z0-9_-]+");
        link.Success.ShouldBeTrue($"up prints the console's login link:\n{output}");
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

        var first = await browser.GetAsync(link.Value, Cancellation);
        var second = await browser.GetAsync(link.Value, Cancellation);

        first.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        first.Headers.GetValues("Set-Cookie").ShouldHaveSingleItem().ShouldStartWith("dp-console=");
        second.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the link works once");
    }

    [Fact]
    public async Task A_graceful_stop_in_the_middle_of_an_ingestion_loses_nothing()
    {
        const int Uploads = 20;
        using var workspace = TempWorkspace.Create();
        var web = $"http://127.0.0.1:{ClosedLoopbackPort.Find()}";
        var environment = new Dictionary<string, string> { ["Subscriptions__TokenSecret"] = RunningPipeline.TokenSecret, ["Web__Urls"] = web };
        string connectionString;
        using (var up = DigestUpProcess.Start(environment, workspace))
        {
            await up.UntilReadyzAsync(web);
            connectionString = JsonDocument.Parse(await File.ReadAllTextAsync(workspace.RunningHostFile, Cancellation)).RootElement
                .GetProperty("ConnectionString").GetString().ShouldNotBeNull();
            var incoming = new BlobServiceClient(connectionString).GetBlobContainerClient(StorageNames.IncomingContainer);
            for (var i = 0; i < Uploads; i++)
                await incoming.UploadBlobAsync($"stop/{i:00}.txt", BinaryData.FromBytes(RunningPipeline.SeedArticle($"stop {i}")), Cancellation);

            // SIGTERM right after the last upload was acknowledged: the host drains, then stops its Azurite, which writes its state.
            (await up.StopAsync(TimeSpan.FromMinutes(1))).ShouldBe(0, up.Output);
        }

        AzuriteOf(workspace).ShouldBeNull();
        using var again = DigestUpProcess.Start(environment, workspace);
        await again.UntilReadyzAsync(web);
        connectionString = JsonDocument.Parse(await File.ReadAllTextAsync(workspace.RunningHostFile, Cancellation)).RootElement
            .GetProperty("ConnectionString").GetString().ShouldNotBeNull();
        await AzuriteEventually.UntilAsync(async () => await SummarizedDocuments.CountAsync(connectionString) == Uploads,
            $"every upload summarized after the restart, with no repair (it would wait 10 minutes):\n{again.Output}", TimeSpan.FromMinutes(2));
        (await again.StopAsync(TimeSpan.FromMinutes(1))).ShouldBe(0, again.Output);
    }

    [Fact]
    public async Task A_host_started_before_its_storage_waits_for_it_and_then_works()
    {
        using var workspace = TempWorkspace.Create();
        var location = Path.Combine(workspace.Root, "late-azurite"); // deleted with the workspace
        var late = new AzuriteServerOptions(location, DigestCommand.RepositoryRoot(),
            TestWaits.Scaled(AzuriteServerOptions.DefaultStartTimeout),
            ClosedLoopbackPort.Find(), ClosedLoopbackPort.Find(), ClosedLoopbackPort.Find());
        var connectionString = $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};"
                               + $"BlobEndpoint=http://127.0.0.1:{late.BlobPort}/{AzuriteServer.AccountName};QueueEndpoint=http://127.0.0.1:{late.QueuePort}/{AzuriteServer.AccountName};"
                               + $"TableEndpoint=http://127.0.0.1:{late.TablePort}/{AzuriteServer.AccountName};";
        var web = $"http://127.0.0.1:{ClosedLoopbackPort.Find()}";
        using var up = DigestUpProcess.Start(Environment(connectionString, web), workspace);
        await AzuriteEventually.UntilAsync(() => up.Output.Contains("storage layout: storage unreachable", StringComparison.Ordinal),
            $"the host to say it waits for storage:\n{up.Output}", TimeSpan.FromMinutes(2));
        up.HasExited.ShouldBeFalse(up.Output);

        await using var azurite = await AzuriteServer.StartAsync(late, cancellationToken: Cancellation);
        await up.UntilReadyzAsync(web);
        var incoming = new BlobServiceClient(connectionString).GetBlobContainerClient(StorageNames.IncomingContainer);
        await incoming.UploadBlobAsync("late.txt", BinaryData.FromBytes(RunningPipeline.SeedArticle("late storage")), Cancellation);
        await AzuriteEventually.UntilAsync(async () => await SummarizedDocuments.CountAsync(connectionString) > 0,
            $"the upload summarized:\n{up.Output}", TimeSpan.FromMinutes(2));
        (await up.StopAsync(TimeSpan.FromMinutes(1))).ShouldBe(0, up.Output);
    }

    private static Dictionary<string, string> Environment(string connectionString, string web) => new()
    {
        ["Storage__ConnectionString"] = connectionString,
        ["Subscriptions__TokenSecret"] = RunningPipeline.TokenSecret,
        ["Web__Urls"] = web,
    };

    /// <summary>The Azurite process whose data folder is in <paramref name="workspace"/> (its command line names it).</summary>
    /// <summary>A <c>digest up</c> on no configured storage (so with an Azurite of its own), once it answers <c>/readyz</c>.</summary>
    private static async Task<DigestUpProcess> StartWithItsOwnAzuriteAsync(TempWorkspace workspace, string web)
    {
        var up = DigestUpProcess.Start(new Dictionary<string, string>
        {
            ["Subscriptions__TokenSecret"] = RunningPipeline.TokenSecret,
            ["Web__Urls"] = web,
        }, workspace);
        try
        {
            await up.UntilReadyzAsync(web);
            return up;
        }
        catch
        {
            up.Dispose(); // never a host left running by a test that failed to start it
            throw;
        }
    }

    private static Process? AzuriteOf(TempWorkspace workspace)
    {
        foreach (var process in Process.GetProcesses())
        {
            try
            {
                var commandLine = File.ReadAllText($"/proc/{process.Id}/cmdline").Replace('\0', ' ');
                if (commandLine.Contains("azurite", StringComparison.Ordinal) && commandLine.Contains(workspace.DataDirectory, StringComparison.Ordinal))
                    return process;
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }

            process.Dispose();
        }

        return null;
    }
}
