using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Queues;
using DigestPipeline.Azure.Storage;
using DigestPipeline.LocalHost;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.LocalHost;

public sealed class LocalFunctionsHostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Upload_reaches_the_ingest_handler_through_the_whole_local_host()
    {
        var ct = TestContext.Current.CancellationToken;
        var ingest = new ScriptedQueueHandler(StorageNames.IngestQueue, failures: 0);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddHostJson().AddConfiguration(azurite.Configuration(new Dictionary<string, string?>
        {
            ["LocalHost:BlobPollInterval"] = "00:00:00.050",
        }));
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IQueueHandler>(ingest);
        builder.Services.AddLocalFunctionsHost(builder.Configuration);
        using var host = builder.Build();

        // The initializer runs first, so the upload container exists once the host has started.
        await host.StartAsync(ct);
        await azurite.Blobs().GetBlobContainerClient(StorageNames.IncomingContainer)
            .UploadBlobAsync("report.txt", BinaryData.FromString("Energy report."), ct);
        await AzuriteEventually.UntilAsync(() => ingest.Succeeded.Count == 1, "the ingest handler got the upload's event");
        await host.StopAsync(ct);

        EventGridUpload.Parse(ingest.Succeeded.Single()).ShouldNotBeNull().BlobName.ShouldBe("report.txt");
    }
}
