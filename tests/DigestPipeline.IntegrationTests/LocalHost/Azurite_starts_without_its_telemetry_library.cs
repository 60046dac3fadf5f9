using Azure.Storage.Blobs;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.LocalHost;

/// <summary>
/// Azurite 3.37 loads its telemetry library (applicationinsights with OpenTelemetry, two thirds of its modules) when it
/// starts, even with <c>--disableTelemetry</c>; <c>tools/azurite-without-telemetry.cjs</c>, preloaded by
/// <see cref="DigestPipeline.LocalHost.Azurite.AzuriteServer"/>, hands it a stand-in instead (2.8 → 1.2 s of CPU per
/// start here), and storage works as before.
/// </summary>
public sealed class Azurite_starts_without_its_telemetry_library(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Azurite_gets_the_stand_in_and_serves_blobs()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, "telemetry-check");
        await container.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await container.UploadBlobAsync("a.txt", BinaryData.FromString("stored"), TestContext.Current.CancellationToken);

        (await container.GetBlobClient("a.txt").DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToString().ShouldBe("stored");
        azurite.Server.Output.ShouldContain("Azurite runs without its telemetry library");
    }
}
