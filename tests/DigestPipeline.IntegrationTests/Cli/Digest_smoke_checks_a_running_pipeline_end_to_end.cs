using System.Text;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Documents;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Faults;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Cli;

/// <summary>
/// <c>digest smoke</c> (the check azure.yaml runs after each deployment) against a real <c>digest up</c> on Azurite,
/// the account named by its settings as in Azure: it passes on a healthy pipeline and leaves nothing behind; it fails,
/// naming what, when ingest-poison holds a message or the subscribe page does not answer.
/// </summary>
public sealed class Digest_smoke_checks_a_running_pipeline_end_to_end(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task It_passes_on_a_healthy_pipeline_and_fails_naming_a_poisoned_event_and_a_dead_page()
    {
        using var workspace = TempWorkspace.Create();
        var web = $"http://127.0.0.1:{ClosedLoopbackPort.Find()}";
        var environment = new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Subscriptions__TokenSecret"] = RunningPipeline.TokenSecret,
            ["Subscriptions__PublicBaseUrl"] = web,
            ["Web__Urls"] = web,
            ["COLUMNS"] = "400",
        };
        using var up = DigestUpProcess.Start(environment, workspace);
        await up.UntilReadyzAsync(web);

        var healthy = await DigestCommand.RunAsync(environment, "smoke", "--timeout", "00:02:00");

        healthy.ExitCode.ShouldBe(0, healthy.Output + healthy.Errors + up.Output);
        healthy.Output.ShouldContain("summary: summarized in");
        healthy.Output.ShouldContain("taxonomy themes: none", customMessage: "the smoke text reaches no subscriber");
        healthy.Output.ShouldContain("ingest-poison: empty");
        healthy.Output.ShouldContain($"subscribe page: {web}/subscribe: 200 OK, with its form");
        healthy.Output.ShouldContain("Smoke check passed.");
        var records = await new global::Azure.Data.Tables.TableClient(azurite.ConnectionString, StorageNames.DocumentsTable)
            .QueryAsync<global::Azure.Data.Tables.TableEntity>(r => r.RowKey == "status", cancellationToken: Cancellation).ToListAsync(Cancellation);
        records.ShouldHaveSingleItem().GetString("Status").ShouldBe(nameof(DocumentStatus.Removed), "the smoke document is removed after the check");

        // What a wrongly encoded Event Grid message becomes: a bare message in ingest-poison.
        var poison = azurite.RawQueue(StorageNames.PoisonQueue(StorageNames.IngestQueue));
        await poison.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"not\":\"an event\"}")), Cancellation);
        var dead = $"http://127.0.0.1:{ClosedLoopbackPort.Find()}/subscribe";

        var broken = await DigestCommand.RunAsync(environment, "smoke", "--timeout", "00:02:00", "--subscribe-url", dead);

        broken.ExitCode.ShouldBe(1, broken.Output + broken.Errors);
        broken.Output.ShouldContain("ingest-poison: 1 message(s)", customMessage: broken.Errors);
        broken.Output.ShouldContain($"subscribe page: {dead}: ");
        broken.Output.ShouldContain("Smoke check failed: 2 of 5 checks.");
        (await up.StopAsync(TimeSpan.FromMinutes(1))).ShouldBe(0, up.Output);
    }
}
