using System.Text;
using Azure.Messaging.EventGrid.SystemEvents;
using Azure.Messaging.EventGrid;
using Azure.Storage.Blobs;
using DigestPipeline.Azure.Queues;
using DigestPipeline.LocalHost;
using DigestPipeline.Azure.Storage;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.LocalHost;

public sealed class BlobWatcherTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Dictionary<string, string?> FastWatcher = new() { ["LocalHost:BlobPollInterval"] = "00:00:00.050" };

    /// <summary>The ingest queue's events, read as Event Grid events (the watcher writes what Event Grid would).</summary>
    private async Task<List<EventGridEvent>> IngestEventsAsync()
    {
        var peeked = await azurite.RawQueue(StorageNames.IngestQueue).PeekMessagesAsync(32, TestContext.Current.CancellationToken);
        return peeked.Value
            .Select(m => EventGridEvent.Parse(BinaryData.FromBytes(Convert.FromBase64String(m.MessageText))))
            .ToList();
    }

    /// <summary>Waits until the watcher has listed and published twice more: whatever it would publish by then, it has.</summary>
    internal static async Task PollTwiceMoreAsync(BlobWatcher watcher)
    {
        var target = watcher.CompletedPolls + 2;
        await AzuriteEventually.UntilAsync(() => watcher.CompletedPolls >= target, "the watcher polled twice more");
    }

    [Fact]
    public async Task Uploaded_blob_yields_exactly_one_BlobCreated_event_even_after_a_second_watcher_starts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.BuildServices(FastWatcher, localHost: true);
        await services.GetRequiredService<StorageInitializer>().InitializeAsync(ct);
        var incoming = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.IncomingContainer);
        var first = ActivatorUtilities.CreateInstance<BlobWatcher>(services);
        await first.StartAsync(ct);

        var uploaded = await incoming.UploadBlobAsync("notes/réunion.md", BinaryData.FromString("# Réunion\nÉnergie."), ct);
        await AzuriteEventually.UntilAsync(() => first.Published == 1, "the first watcher published the upload");
        await PollTwiceMoreAsync(first);
        var second = ActivatorUtilities.CreateInstance<BlobWatcher>(services);
        await second.StartAsync(ct);
        await PollTwiceMoreAsync(second);
        await PollTwiceMoreAsync(first);
        await Task.WhenAll(first.StopAsync(ct), second.StopAsync(ct));

        second.Published.ShouldBe(0);
        var blobCreated = (await IngestEventsAsync()).ShouldHaveSingleItem();
        blobCreated.EventType.ShouldBe("Microsoft.Storage.BlobCreated");
        blobCreated.Subject.ShouldBe("/blobServices/default/containers/incoming/blobs/notes/réunion.md");
        blobCreated.TryGetSystemEventData(out var systemData).ShouldBeTrue();
        var data = systemData.ShouldBeOfType<StorageBlobCreatedEventData>();
        data.ETag.ShouldBe(uploaded.Value.ETag.ToString().Trim('"'));
        data.ContentLength.ShouldBe(Encoding.UTF8.GetByteCount("# Réunion\nÉnergie."));
        data.Url.ShouldBe(incoming.GetBlobClient("notes/réunion.md").Uri.ToString());
        var receipt = services.GetRequiredService<BlobServiceClient>()
            .GetBlobContainerClient(StorageInitializer.HostContainer)
            .GetBlobClient($"blobreceipts/digest-local/incoming/{data.ETag}/notes/réunion.md");
        (await receipt.ExistsAsync(ct)).Value.ShouldBeTrue();
    }
}
