using Azure.Storage.Blobs;
using DigestPipeline.Azure.Storage;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Cli;

/// <summary>
/// <c>digest upload</c> with a file ingest would refuse (an image) beside a good one: the reason is printed and
/// nothing is uploaded, so that a user fixes the command instead of finding a rejected document later.
/// </summary>
public sealed class Digest_upload_refuses_what_ingest_would_refuse_before_storing_it(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("digest-upload-");

    [Fact]
    public async Task An_image_among_the_files_is_refused_with_its_reason_and_nothing_is_uploaded()
    {
        var good = Path.Combine(_files.FullName, "grid-notes.txt");
        await File.WriteAllTextAsync(good, "The grid operator plans new lines for the data centres of the region.", TestContext.Current.CancellationToken);
        var image = Path.Combine(_files.FullName, "chart.png");
        await File.WriteAllBytesAsync(image, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], TestContext.Current.CancellationToken);

        var upload = await DigestCommand.RunOnAsync(azurite, "upload", good, image);

        upload.ExitCode.ShouldBe(2, upload.Output);
        upload.Output.ShouldContain("Not uploaded: PNG image documents are not supported: 'chart.png'");
        upload.Output.ShouldContain("Nothing was uploaded.");
        var incoming = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(StorageNames.IncomingContainer);
        if (await incoming.ExistsAsync(TestContext.Current.CancellationToken))
        {
            (await incoming.GetBlobClient("grid-notes.txt").ExistsAsync(TestContext.Current.CancellationToken)).Value.ShouldBeFalse();
            (await incoming.GetBlobClient("chart.png").ExistsAsync(TestContext.Current.CancellationToken)).Value.ShouldBeFalse();
        }
    }

    public void Dispose() => _files.Delete(recursive: true);
}
