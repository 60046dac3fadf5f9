using System.Text;
using Azure.Storage.Blobs;
using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Queues;
using DigestPipeline.LocalHost;
using DigestPipeline.Azure.Storage;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.LocalHost;

/// <summary>
/// Several hosts on one account (local hosts sharing an Azurite) watch the same container at the same time: each
/// claims a blob version with a create-only receipt before publishing, so exactly one event per version reaches
/// ingest. (When a watcher published first and wrote its receipt after, both watchers published most blobs.)
/// </summary>
public sealed class Watchers_started_together_publish_each_blob_version_once(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Uploads = 40;

    [Fact]
    public async Task Three_watchers_listing_the_same_uploads_send_one_event_each()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.BuildServices(new Dictionary<string, string?> { ["LocalHost:BlobPollInterval"] = "00:00:00.050" }, localHost: true);
        await services.GetRequiredService<StorageInitializer>().InitializeAsync(ct);
        var incoming = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.IncomingContainer);
        await Parallel.ForEachAsync(Enumerable.Range(0, Uploads), ct, async (i, token) =>
            await incoming.UploadBlobAsync($"together/{i:D2}.md", BinaryData.FromString($"# Note {i}\nÉnergie."), token));

        var watchers = Enumerable.Range(0, 3).Select(_ => ActivatorUtilities.CreateInstance<BlobWatcher>(services)).ToList();
        await Task.WhenAll(watchers.Select(w => w.StartAsync(ct)));
        await AzuriteEventually.UntilAsync(() => watchers.Sum(w => w.Published) >= Uploads, "every upload published");
        foreach (var watcher in watchers)
            await BlobWatcherTests.PollTwiceMoreAsync(watcher);
        await Task.WhenAll(watchers.Select(w => w.StopAsync(ct)));

        watchers.Sum(w => w.Published).ShouldBe(Uploads);
        var names = new List<string>();
        var ingest = azurite.RawQueue(StorageNames.IngestQueue);
        while ((await ingest.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), ct)).Value is { Length: > 0 } messages)
        {
            foreach (var message in messages)
            {
                names.Add(EventGridUpload.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText))).ShouldNotBeNull().BlobName);
                await ingest.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
            }
        }

        names.Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(0, Uploads).Select(i => $"together/{i:D2}.md"), "one event per blob version");
    }
}
